#pragma once
// The Nuxt + Laravel architecture as a function, so tests can build it too.
#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include <cstdint>
#include <string>

namespace nuxt_laravel {

struct Settings {
  std::string region = "eu-west-1";             ///< default eu-west-1
  std::string zone = "example.com";             ///< the DNS zone to create; default example.com
  std::string domain = "app.example.com";       ///< the app's name in that zone; default app.example.com
  std::string github_owner = "example-org";     ///< owner of the GitHub repository; default example-org
  std::string github_repo = "nuxt-laravel";     ///< repository holding frontend/ and backend/; default nuxt-laravel
  std::string branch = "main";                  ///< the branch the pipeline releases; default main
  std::int64_t frontend_tasks = 2;              ///< Nuxt tasks; 0 before the first images exist; default 2
  std::int64_t backend_tasks = 2;               ///< Laravel tasks; 0 before the first images exist; default 2
  std::int64_t max_tasks = 4;                   ///< auto scaling ceiling of each service; default 4
  bool multi_az_database = false;               ///< a standby database in the second AZ; default false
};

/// -c region=..., -c zone=..., -c domain=..., -c github_owner=..., -c github_repo=...,
/// -c branch=..., -c frontend_tasks=N, -c backend_tasks=N, -c max_tasks=N, -c multi_az_database=true
/// Throws cdk::Error for a count that is not a whole number of 0 or more, or a switch not true/false.
Settings settings_from_context(const cdk::App& app);

/// Adds the NuxtLaravel stack to the app and returns it.
cdk::Stack& build(cdk::App& app, const Settings& settings);

}  // namespace nuxt_laravel
