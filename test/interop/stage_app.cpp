// An app with stages for the AWS CDK CLI to read: a top-level stack "Shared",
// stage "Prod" (Network, App using Network's topic) and stage "Eu" inside it.
#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app(argc, argv);
  app.add<cdk::Stack>("Shared").add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "111111111111", .region = "eu-west-1"}});
  auto& network = prod.add<cdk::Stack>("Network");
  auto& topic = network.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  prod.add<cdk::Stack>("App").add<cdk::CfnResource>(
      "Queue", "AWS::SQS::Queue", cdk::Value::map({{"QueueName", topic.get_att("TopicName")}}));
  prod.add<cdk::Stage>("Eu", {.env = {.region = "eu-central-1"}})
      .add<cdk::Stack>("Api")
      .add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  return app.run();
}
