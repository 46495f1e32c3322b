#pragma once
// A synthetic app of a chosen size, for the synthesis benchmark (bench/run.sh).
//
// Stack "Net" holds one Vpc; stacks "App1".."App<N-1>" (or only Net when N is 1)
// are filled with units of L2 constructs until each stack has exactly
// `resources_per_stack` resources:
//   SecurityGroup, Bucket, AutoScalingGroup (reads the bucket), an internal
//   NetworkLoadBalancer forwarding to the group, a DatabaseInstance reachable
//   from the group;
// then single SecurityGroups make up the rest. Every stack but Net uses Net's
// Vpc, and each unit's group reads the first bucket of the stack before it:
// both are cross-stack references (exports and Fn::ImportValue).
// bench/cdk-js/synthetic.js builds the same app with aws-cdk-lib.
#include <cdk/app.hpp>

namespace synthetic {

struct Settings {
  int stacks = 20;                ///< default 20
  int resources_per_stack = 500;  ///< exactly this many per stack (at most 500); default 500
};

/// -c stacks=N -c resources_per_stack=R
Settings settings_from_context(const cdk::App& app);

/// Adds the stacks to the app; returns how many resources were made.
int build(cdk::App& app, const Settings& settings);

}  // namespace synthetic
