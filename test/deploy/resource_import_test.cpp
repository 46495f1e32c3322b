// `import`: the mapping checks as plain functions, and the IMPORT change set
// through recorded CloudFormation answers replayed through the transport
// interface. moto_server (5.2.1) answers GetTemplateSummary without
// ResourceIdentifierSummaries and treats an IMPORT change set as the creation
// of a new stack, so the import itself is not tested against it.
#include "deploy/resource_import.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "cli_harness.hpp"
#include "deploy/errors.hpp"
#include "deploy/operations.hpp"
#include "support.hpp"

namespace cdk::deploy {
namespace {

using nlohmann::json;
using testing::form_field;
using testing::ScriptedTransport;
using testing::TempDir;
using testing::xml_response;

const json deployed = json::parse(R"({"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}})");
const json local = json::parse(R"({"Resources": {
  "Queue": {"Type": "AWS::SQS::Queue"},
  "Data5E2F1C0B": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain",
                   "Metadata": {"aws:cdk:path": "Hello/Data/Resource"}}}})");
const std::map<std::string, std::vector<std::string>> importable = {{"AWS::S3::Bucket", {"BucketName"}},
                                                                    {"AWS::SQS::Queue", {"QueueUrl"}}};

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DeployError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ImportPlan, AResourceNamedByItsConstructPathIsImportedWithItsPrimaryIdentifier) {
  auto imports = plan_import("Hello", local, deployed, {{"Hello/Data", {{"BucketName", "existing-bucket"}}}}, importable);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0].logical_id, "Data5E2F1C0B");
  EXPECT_EQ(imports[0].resource_type, "AWS::S3::Bucket");
  EXPECT_EQ(imports[0].identifier, (std::map<std::string, std::string>{{"BucketName", "existing-bucket"}}));
  EXPECT_EQ(plan_import("Hello", local, deployed, {{"Data5E2F1C0B", {{"BucketName", "b"}}}}, importable).size(), 1u)
      << "by logical id too";
}

TEST(ImportPlan, EveryMisfitIsOneLineNamingTheConstructPath) {
  EXPECT_EQ(error_of([&] { plan_import("Hello", local, deployed, {{"Nope", {{"BucketName", "b"}}}}, importable); }),
            "Hello: the resource mapping names Nope, which is no resource of the stack's template (use a logical id "
            "or a construct path)");
  EXPECT_EQ(error_of([&] {
              plan_import("Hello", local, deployed,
                          {{"Data5E2F1C0B", {{"BucketName", "b"}}}, {"Queue", {{"QueueUrl", "q"}}}}, importable);
            }),
            "Hello: Queue (Queue) is already part of the stack; take it out of the resource mapping");
  EXPECT_EQ(error_of([&] { plan_import("Hello", local, deployed, {{"Hello/Data", {{"Name", "b"}}}}, importable); }),
            "Hello: Hello/Data/Resource (Data5E2F1C0B): the resource mapping gives {Name} but AWS::S3::Bucket is "
            "identified by {BucketName}");
  EXPECT_EQ(error_of([&] { plan_import("Hello", local, deployed, {{"Hello/Data", {{"BucketName", "b"}}}}, {}); }),
            "Hello: Hello/Data/Resource (Data5E2F1C0B) cannot be imported: CloudFormation does not support importing "
            "AWS::S3::Bucket");
  json no_policy = local;
  no_policy["Resources"]["Data5E2F1C0B"].erase("DeletionPolicy");
  EXPECT_NE(error_of([&] {
              plan_import("Hello", no_policy, deployed, {{"Hello/Data", {{"BucketName", "b"}}}}, importable);
            }).find("Hello: Hello/Data/Resource (Data5E2F1C0B) has no DeletionPolicy"),
            std::string::npos);
  json two_new = local;
  two_new["Resources"]["Topic"] = {{"Type", "AWS::SNS::Topic"}};
  EXPECT_NE(error_of([&] {
              plan_import("Hello", two_new, deployed, {{"Hello/Data", {{"BucketName", "b"}}}}, importable);
            }).find("Hello: Topic (Topic) is new but not in the resource mapping"),
            std::string::npos);
  EXPECT_EQ(error_of([&] { plan_import("Hello", local, deployed, {}, importable); }),
            "Hello: the resource mapping is empty: nothing to import");
}

TEST(ImportMappingFile, AFileOfTheWrongShapeIsOneLineNamingIt) {
  TempDir dir;
  const auto file = dir.path() / "mapping.json";
  const std::string expected = "--resource-mapping " + file.string() +
                               R"(: expected a JSON object such as {"LogicalIdOrPath": {"IdentifierName": "value"}})";
  for (const char* text : {"[1]", "{\"Data\": \"b\"}", "{\"Data\": {}}", "{\"Data\": {\"BucketName\": [1]}}", "{"}) {
    testing::write_file(file, text);
    EXPECT_EQ(error_of([&] { read_resource_mapping(file); }), expected) << text;
  }
  testing::write_file(file, R"({"Data": {"BucketName": "b", "Port": 443}})");
  EXPECT_EQ(read_resource_mapping(file), (ResourceMapping{{"Data", {{"BucketName", "b"}, {"Port", "443"}}}}));
  EXPECT_EQ(error_of([&] { read_resource_mapping(dir.path() / "missing.json"); }),
            "--resource-mapping " + (dir.path() / "missing.json").string() + ": cannot read the file");
}

constexpr const char* ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
constexpr const char* stack_arn = "arn:aws:cloudformation:eu-west-1:123456789012:stack/Hello/5f1e4a20-aaaa-11ef-8000-0a1b2c3d4e5f";

HttpResponse answer(const std::string& action, const std::string& result = "") {
  return xml_response(200, "<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + result + "</" +
                               action + "Result><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" +
                               action + "Response>");
}

HttpResponse described(const std::string& status) {
  return answer("DescribeStacks", std::string("<Stacks><member><StackName>Hello</StackName><StackId>") + stack_arn +
                                      "</StackId><StackStatus>" + status + "</StackStatus></member></Stacks>");
}

HttpResponse change_set(const std::string& status, const std::string& execution) {
  return answer("DescribeChangeSet",
                "<ChangeSetName>c</ChangeSetName><Status>" + status + "</Status><ExecutionStatus>" + execution +
                    "</ExecutionStatus><Changes><member><Type>Resource</Type><ResourceChange><Action>Import</Action>"
                    "<LogicalResourceId>Data5E2F1C0B</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType>"
                    "</ResourceChange></member></Changes>");
}

class Import : public ::testing::Test {
 protected:
  TempDir home, assembly;
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  ImportStackOptions options;
  std::ostringstream out, err;

  void SetUp() override {
    testing::isolate_aws_environment(home.path());
    testing::write_assembly(assembly.path(), {{"Hello", local}});
    testing::write_file(assembly.path() / "mapping.json", R"({"Hello/Data": {"BucketName": "existing-bucket"}})");
    options.resource_mapping = (assembly.path() / "mapping.json").string();
    options.target.aws.endpoint = "https://cloudformation.eu-west-1.amazonaws.com";
    options.target.transport = transport;
    options.target.sleep = [](std::chrono::milliseconds) {};
    transport->on("DescribeStacks", {described("UPDATE_COMPLETE"), described("IMPORT_IN_PROGRESS"),
                                     described("IMPORT_COMPLETE")});
    transport->on("GetTemplate", {answer("GetTemplate", "<TemplateBody>" + deployed.dump() + "</TemplateBody>")});
    transport->on("GetTemplateSummary",
                  {answer("GetTemplateSummary",
                          "<ResourceIdentifierSummaries><member><ResourceType>AWS::S3::Bucket</ResourceType>"
                          "<LogicalResourceIds><member>Data5E2F1C0B</member></LogicalResourceIds>"
                          "<ResourceIdentifiers><member>BucketName</member></ResourceIdentifiers></member>"
                          "</ResourceIdentifierSummaries>")});
    transport->on("CreateChangeSet", {answer("CreateChangeSet", std::string("<Id>cs-1</Id><StackId>") + stack_arn +
                                                                    "</StackId>")});
    transport->on("DescribeChangeSet", {change_set("CREATE_COMPLETE", "AVAILABLE"),
                                        change_set("CREATE_COMPLETE", "EXECUTE_IN_PROGRESS")});
    transport->on("ExecuteChangeSet", {answer("ExecuteChangeSet")});
    transport->on("DescribeStackEvents", {answer("DescribeStackEvents", "<StackEvents/>")});
  }

  [[nodiscard]] std::vector<HttpRequest> sent(const std::string& action) const {
    std::vector<HttpRequest> found;
    for (const auto& r : transport->requests()) {
      if (form_field(r.body, "Action") == action) found.push_back(r);
    }
    return found;
  }
};

TEST_F(Import, AnImportChangeSetNamesEachResourceAndItsIdentifierAndIsExecuted) {
  StackResult r = import_stack(assembly.path(), options, out, err);
  ASSERT_TRUE(r.ok()) << r.error << err.str();
  EXPECT_EQ(r.status, StackResult::Status::Imported);
  auto create = sent("CreateChangeSet");
  ASSERT_EQ(create.size(), 1u);
  const std::string& body = create[0].body;
  EXPECT_EQ(form_field(body, "ChangeSetType"), "IMPORT");
  EXPECT_EQ(form_field(body, "ResourcesToImport.member.1.ResourceType"), "AWS::S3::Bucket");
  EXPECT_EQ(form_field(body, "ResourcesToImport.member.1.LogicalResourceId"), "Data5E2F1C0B");
  EXPECT_EQ(form_field(body, "ResourcesToImport.member.1.ResourceIdentifier.entry.1.key"), "BucketName");
  EXPECT_EQ(form_field(body, "ResourcesToImport.member.1.ResourceIdentifier.entry.1.value"), "existing-bucket");
  EXPECT_EQ(json::parse(form_field(body, "TemplateBody")), local);
  EXPECT_EQ(sent("ExecuteChangeSet").size(), 1u);
  EXPECT_NE(out.str().find("Hello: importing 1 existing resource (us-east-1)"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("  [<] Data5E2F1C0B AWS::S3::Bucket"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("✅ Hello (resources imported)"), std::string::npos) << out.str();
}

TEST_F(Import, AMappingThatDoesNotFitChangesNothing) {
  testing::write_file(assembly.path() / "mapping.json", R"({"Hello/Data": {"Name": "existing-bucket"}})");
  std::string what = error_of([&] { import_stack(assembly.path(), options, out, err); });
  EXPECT_NE(what.find("Hello: Hello/Data/Resource (Data5E2F1C0B): the resource mapping gives {Name}"),
            std::string::npos)
      << what;
  EXPECT_TRUE(sent("CreateChangeSet").empty());
}

TEST_F(Import, OnlyOneStackIsImportedAtATime) {
  testing::write_assembly(assembly.path(), {{"Hello", local}, {"Other", deployed}});
  EXPECT_EQ(error_of([&] { import_stack(assembly.path(), options, out, err); }),
            "import works on one stack at a time; name it (selected: Hello, Other)");
  EXPECT_TRUE(transport->requests().empty());
}

TEST(ImportCommand, ABadMappingFileIsOneLineAndNothingIsSent) {
  TempDir home, assembly;
  testing::isolate_aws_environment(home.path());
  testing::write_assembly(assembly.path(), {{"Hello", local}});
  testing::write_file(assembly.path() / "m.json", "[]");
  auto r = testing::run_cli(assembly.path(), {"import", "--resource-mapping", (assembly.path() / "m.json").string(),
                                              "--endpoint", "http://127.0.0.1:9"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: --resource-mapping " + (assembly.path() / "m.json").string() +
                       R"(: expected a JSON object such as {"LogicalIdOrPath": {"IdentifierName": "value"}})" + "\n");
}

}  // namespace
}  // namespace cdk::deploy
