#pragma once
// Runs `work(i)` for i in [0, count) on at most `concurrency` threads; the
// calling thread waits for all of them. Stack waves and asset publishing use it.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cdk::deploy {

template <class F>
void run_parallel(size_t count, int concurrency, F&& work) {
  size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(1, concurrency)));
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) work(i);
    });
  }
  for (auto& th : pool) th.join();
}

}  // namespace cdk::deploy
