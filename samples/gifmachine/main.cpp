// gifmachine: the gifmachine web app on ECS Fargate with its own CI/CD (seed 002).
//
// Three stacks, named after two tags (-c environment=, -c company=):
//   Gifmachine            VPC with a NAT instance and a jumpbox, PostgreSQL on RDS,
//                         a Fargate service behind a Network Load Balancer (blue and
//                         green target groups), ECR, an S3 configuration bucket,
//                         Secrets Manager credentials;
//   GifmachineMonitoring  CloudWatch alarms on the main stack's resources;
//   GifmachineCicd        CodePipeline: S3 source -> CodeBuild -> CodeDeploy blue/green.
// The other two use the main stack's values through exports it gets automatically.
//
//   build/bin/gifmachine synth
//   build/bin/gifmachine -c environment=dev -c company=acme list -l
#include <cdk/cdk.hpp>
#include <iostream>

#include "gifmachine.hpp"

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  try {
    gifmachine::build(app, gifmachine::settings_from_context(app));
  } catch (const cdk::Error& e) {  // e.g. name tags too long: one line, nothing written
    std::cerr << e.diagnostic().to_string() << "\n";
    return 1;
  }
  return app.run();
}
