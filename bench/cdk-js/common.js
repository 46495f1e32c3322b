// What both JavaScript apps share: the App with the feature flags that make
// aws-cdk-lib build what cdkpp builds (launch templates, not launch
// configurations; a security group on each Network Load Balancer; the VPC's
// default security group stripped of its rules), and no
// AWS::CDK::Metadata resource, so both sides write the same resources.
const cdk = require('aws-cdk-lib');

function newApp() {
  return new cdk.App({
    analyticsReporting: false,
    context: {
      '@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig': true,
      '@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault': true,
      '@aws-cdk/aws-ec2:restrictDefaultSecurityGroup': true,
    },
  });
}

// The context given as -c key=value on the command line, or its default.
function arg(name, fallback) {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '-c' && argv[i + 1] && argv[i + 1].startsWith(name + '=')) return argv[i + 1].slice(name.length + 1);
  }
  return fallback;
}

module.exports = { newApp, arg };
