#pragma once
// The Matomo architecture as a function, so tests can build it too.
#include <cdk/app.hpp>
#include <cdk/stack.hpp>

#include <string>
#include <vector>

namespace matomo {

struct Settings {
  std::string region = "eu-west-2";              ///< default eu-west-2
  std::string zone = "example.com";              ///< the DNS zone to create; default example.com
  std::string domain = "analytics.example.com";  ///< the app's name in that zone
  std::vector<std::string> ssh_cidrs{"203.0.113.10/32"};  ///< who may reach SSH through the load balancer
};

/// -c region=..., -c zone=..., -c domain=..., -c ssh_cidrs=a/32,b/32
Settings settings_from_context(const cdk::App& app);

/// Adds the Matomo stack to the app and returns it.
cdk::Stack& build(cdk::App& app, const Settings& settings);

}  // namespace matomo
