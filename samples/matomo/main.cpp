// matomo: self-hosted Matomo analytics in one region (seed 000).
//
// Three tiers in a VPC over two AZs: a Network Load Balancer in the public
// subnets terminates HTTPS (443 -> 80) with an ACM certificate and forwards
// SSH (22 -> 22) only from listed addresses; a stateless web tier of EC2
// instances in an Auto Scaling group in private subnets shares the PHP files
// on EFS; MySQL sits in isolated subnets, reachable from the web tier only.
//
//   build/bin/matomo synth
//   build/bin/matomo -c domain=stats.example.org -c zone=example.org -c ssh_cidrs=198.51.100.7/32 synth
#include "matomo.hpp"

#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  matomo::build(app, matomo::settings_from_context(app));
  return app.run();
}
