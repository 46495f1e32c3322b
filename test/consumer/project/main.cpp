#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  auto& stack = app.add<cdk::Stack>("Consumer");
  auto& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  stack.add<cdk::CfnOutput>("TopicArn", cdk::CfnOutputProps{.value = topic.ref()});
  return app.run();
}
