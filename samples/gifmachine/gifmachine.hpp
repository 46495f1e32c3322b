#pragma once
// The gifmachine architecture as a function, so tests can build it too.
#include <cdk/app.hpp>
#include <cdk/stack.hpp>
#include <cstdint>
#include <string>

namespace gifmachine {

struct Settings {
  std::string region = "eu-west-1";    ///< default eu-west-1
  std::string environment = "prod";    ///< name tag, [a-z][a-z0-9]*; default prod
  std::string company = "dundermiff";  ///< name tag, [a-z][a-z0-9]*; default dundermiff
  std::int64_t desired_count = 1;      ///< gifmachine tasks; default 1
  std::string image_tag = "latest";    ///< the image the first deployment runs; default latest
  std::string alarm_email{};           ///< who gets alarm mail; default nobody (the topic only)
  /// a directory with a Dockerfile (e.g. samples/gifmachine/image): the first
  /// deployment runs the image built from it, published as an asset on
  /// deploy; default none (image_tag from the repository the pipeline pushes to)
  std::string image_source{};
};

/// -c region=..., -c environment=..., -c company=..., -c desired_count=...,
/// -c image_tag=..., -c alarm_email=..., -c image_source=DIR
Settings settings_from_context(const cdk::App& app);

/// The three stacks; monitoring and cicd depend on main through its exports.
struct Stacks {
  cdk::Stack& main;
  cdk::Stack& monitoring;
  cdk::Stack& cicd;
};

/// Adds the stacks to the app. Throws cdk::Error naming the construct path
/// when the environment and company tags make a name AWS would refuse.
Stacks build(cdk::App& app, const Settings& settings);

}  // namespace gifmachine
