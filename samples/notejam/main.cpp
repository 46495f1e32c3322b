// notejam: the Notejam note-taking app in three environments (seed 003).
//
// One program, one environment per run: -c env=dev|test|prod picks it and its
// sizes, a cdk::Stage (Dev, Test or Prod) holding the stack Notejam (stack name
// notejam-dev, notejam-test or notejam-prod); -c env=all builds the three
// stages at once, and the commands pick one by pattern (`deploy 'Prod/*'`). Each has its
// own VPC over two AZs (a NAT gateway in each), an internet-facing ALB
// (HTTPS with an ACM certificate, HTTP redirected), Fargate tasks with CPU
// scaling in private subnets, Aurora MySQL in isolated subnets with backups,
// encryption and replica auto scaling, a Route 53 record, CloudWatch logs and
// alarms, a private S3 bucket of static files served by CloudFront, and a
// CodePipeline from GitHub to ECS. Secrets stay in SSM SecureString parameters
// made outside CloudFormation.
//
//   build/bin/notejam -c env=dev synth
//   build/bin/notejam -c env=all diff 'Test/*'
//   build/bin/notejam -c env=prod -c zone=example.org -c zone_id=Z0EXAMPLE synth
//
// -c cdn_certificate_arn=<ACM certificate in us-east-1 for the domain> puts the
// whole site behind CloudFront at the domain (cdn.hpp); -c cdn_web_acl_arn=
// gives the distribution a CLOUDFRONT-scoped web ACL.
//
// -c delivery=true -c account=<12 digits> builds the three environments at
// once and NotejamDelivery, a pipeline that deploys them in order (delivery.hpp).
#include "delivery.hpp"
#include "notejam.hpp"

#include <cdk/cdk.hpp>

#include <iostream>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  try {
    const auto settings = notejam::settings_from_context(app);
    if (app.context_flag("delivery", false))
      notejam::build_delivery(app, settings, notejam::delivery_from_context(app));
    else if (settings.environment == notejam::all_environments)
      notejam::build_all(app, settings);
    else
      notejam::build(app, settings);
  } catch (const cdk::Error& e) {
    std::cerr << e.diagnostic().to_string() << '\n';
    return 1;
  }
  return app.run();
}
