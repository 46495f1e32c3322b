// keyedin: a Laravel app on EC2 behind an Application Load Balancer, deployed
// by CodeDeploy (seed 001).
//
// A VPC with three public and three private subnets; an Auto Scaling group of
// one on-demand instance that scales out on spot instances of several types
// when requests per instance climb; Aurora MySQL in the private subnets,
// reachable from the app and a bastion only; ECR repositories for the images,
// S3 buckets for public assets and private releases; HTTP redirected to HTTPS;
// a Route 53 zone with an alias to the load balancer.
//
//   build/bin/keyedin synth
//   build/bin/keyedin -c zone=keyedin.example -c nat_gateways=1 -c ssh_cidrs=198.51.100.7/32 synth
#include "keyedin.hpp"

#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  keyedin::build(app, keyedin::settings_from_context(app));
  return app.run();
}
