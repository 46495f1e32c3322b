// What cdkpp-migrate refuses, with one line naming the file and the element,
// and the command line: nothing written after an error, a summary otherwise.
#include "test_catalog.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using migrate_test::migrate_text;
using ::testing::HasSubstr;
using ::testing::StartsWith;

/// The refusal's message for a template text; "" when it was migrated.
std::string refusal(const std::string& text) {
  try {
    migrate_text(text);
  } catch (const migrate::Refusal& e) {
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "one line: " << e.what();
    return e.what();
  }
  return "";
}

TEST(Refuses, TextThatIsNotATemplate) {
  EXPECT_THAT(refusal("Resources: [unclosed"), StartsWith("test.yaml: is not a template JSON or YAML can read"));
  EXPECT_EQ(refusal("[1, 2]"), "test.yaml: is not a template JSON or YAML can read: the text is not a JSON or YAML object");
  EXPECT_EQ(refusal("Description: nothing\n"), "test.yaml: is not a template: it has no Resources");
  EXPECT_EQ(refusal("Resources: {}\n"), "test.yaml: is not a template: it has no Resources");
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic}}\nOutput: {}\n"),
            "test.yaml: has a top-level key \"Output\" that is not a template section");
}

TEST(Refuses, ATransformItCannotHonour) {
  EXPECT_THAT(refusal("Transform: AWS::Serverless-2016-10-31\nResources: {F: {Type: AWS::Serverless::Function}}\n"),
              StartsWith("test.yaml: uses a Transform (AWS::Serverless-2016-10-31), which migrate cannot honour"));
}

TEST(Refuses, ResourcesWithoutAValidType) {
  EXPECT_EQ(refusal("Resources: {T: {Properties: {}}}\n"), "test.yaml: resource \"T\" has no Type");
  EXPECT_EQ(refusal("Resources: {T: {Type: SNS::Topic}}\n"),
            "test.yaml: resource \"T\" has the type \"SNS::Topic\", which is not a CloudFormation type name");
}

TEST(Refuses, LogicalIdsCdkppCannotKeep) {
  EXPECT_EQ(refusal("Resources: {my-topic: {Type: AWS::SNS::Topic}}\n"),
            "test.yaml: resource \"my-topic\": a logical id must be 1-255 letters and digits");
  EXPECT_THAT(refusal("Parameters: {T: {Type: String}}\nResources: {T: {Type: AWS::SNS::Topic}}\n"),
              StartsWith("test.yaml: resource \"T\" has the logical id of parameter \"T\""));
}

TEST(Refuses, ReferencesToElementsTheTemplateDoesNotDefine) {
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic, Properties: {DisplayName: !Ref Nope}}}\n"),
            "test.yaml: resource \"T\" refers to \"Nope\", which the template does not define");
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic, DependsOn: Nope}}\n"),
            "test.yaml: resource \"T\" depends on \"Nope\", which the template does not define");
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic, Condition: Nope}}\n"),
            "test.yaml: resource \"T\" uses the condition \"Nope\", which the template does not define");
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic, Properties: {DisplayName: !FindInMap [M, a, b]}}}\n"),
            "test.yaml: resource \"T\" looks up the mapping \"M\", which the template does not define");
}

TEST(Refuses, ReferencesOfTheWrongKind) {
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic}}\nOutputs: {O: {Value: x}, P: {Value: !Ref O}}\n"),
            "test.yaml: output \"P\" has a Ref to output \"O\", which is neither a parameter nor a resource");
  EXPECT_EQ(refusal("Parameters: {P: {Type: String}}\nResources: {T: {Type: AWS::SNS::Topic, "
                    "Properties: {DisplayName: !GetAtt P.Name}}}\n"),
            "test.yaml: resource \"T\" reads an attribute of parameter \"P\", which cannot be used that way");
}

TEST(Refuses, ResourcesOrConditionsThatUseEachOtherInACircle) {
  EXPECT_THAT(refusal("Resources:\n  A: {Type: AWS::SNS::Topic, DependsOn: B}\n"
                      "  B: {Type: AWS::SNS::Topic, Properties: {DisplayName: !GetAtt A.TopicName}}\n"),
              HasSubstr("resources \"B\" and \"A\" use each other in a circle"));
  EXPECT_THAT(refusal("Conditions:\n  A: !Not [!Condition B]\n  B: !Not [!Condition A]\n"
                      "Resources: {T: {Type: AWS::SNS::Topic}}\n"),
              HasSubstr("conditions \"B\" and \"A\" use each other in a circle"));
}

TEST(Refuses, PoliciesCloudFormationDoesNotKnow) {
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic, DeletionPolicy: Keep}}\n"),
            "test.yaml: resource \"T\" has DeletionPolicy \"Keep\", which is not Delete, Retain, Snapshot or "
            "RetainExceptOnCreate");
}

TEST(Refuses, ParametersWithoutTypeAndOutputsWithoutValue) {
  EXPECT_EQ(refusal("Parameters: {P: {Default: 1}}\nResources: {T: {Type: AWS::SNS::Topic}}\n"),
            "test.yaml: parameter \"P\" has no Type");
  EXPECT_EQ(refusal("Resources: {T: {Type: AWS::SNS::Topic}}\nOutputs: {O: {Description: x}}\n"),
            "test.yaml: output \"O\" has no Value");
}

TEST(Refuses, AStackNameCloudFormationWouldNot) {
  EXPECT_THROW(migrate::check_stack_name("legacy_stack"), migrate::Refusal);
  EXPECT_THROW(migrate::check_stack_name("1legacy"), migrate::Refusal);
  EXPECT_NO_THROW(migrate::check_stack_name("Legacy-2"));
}

// The command line.
class Command : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() /
                 ("cdkpp-migrate-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
  /// Runs the tool; returns its exit status, stderr in `err`.
  int run(const std::string& args, std::string& err) {
    const std::string log = (dir / "stderr.txt").string();
    const int rc = std::system((std::string("'") + CDKPP_MIGRATE_TEST_TOOL + "' " + args + " 2> '" + log + "'").c_str());
    std::ifstream in(log);
    std::ostringstream s;
    s << in.rdbuf();
    err = s.str();
    return rc;
  }
};

TEST_F(Command, WritesTheProgramAndASummaryOnStderr) {
  const std::string t = write("legacy-stack.yaml", "Resources:\n  T: {Type: AWS::SNS::Topic}\n  C: {Type: Custom::C}\n");
  const std::string out = (dir / "legacy.cpp").string();
  std::string err;
  ASSERT_EQ(run("--template '" + t + "' --out '" + out + "'", err), 0) << err;
  std::ifstream in(out);
  std::ostringstream code;
  code << in.rdbuf();
  // The stack's name comes from the file's name unless given.
  EXPECT_THAT(code.str(), HasSubstr("app.add<cdk::Stack>(\"LegacyStack\")"));
  EXPECT_THAT(err, HasSubstr("2 resources (1 typed, 1 cdk::CfnResource)"));
  EXPECT_THAT(err, HasSubstr("1 fallbacks"));
  EXPECT_FALSE(fs::exists(out + ".tmp"));
}

TEST_F(Command, WritesNothingAfterAnError) {
  const std::string out = (dir / "legacy.cpp").string();
  std::string err;
  EXPECT_NE(run("--template '" + (dir / "missing.yaml").string() + "' --stack-name Legacy --out '" + out + "'", err), 0);
  EXPECT_THAT(err, StartsWith("cdkpp-migrate: error: "));
  EXPECT_THAT(err, HasSubstr("missing.yaml: cannot be read"));
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_FALSE(fs::exists(out));

  const std::string t = write("t.yaml", "Resources: {T: {Type: AWS::SNS::Topic, Properties: {DisplayName: !Ref X}}}\n");
  EXPECT_NE(run("--template '" + t + "' --stack-name Legacy --out '" + out + "'", err), 0);
  EXPECT_THAT(err, HasSubstr("refers to \"X\", which the template does not define"));
  EXPECT_FALSE(fs::exists(out));

  EXPECT_NE(run("--template '" + t + "' --stack-name bad_name --out '" + out + "'", err), 0);
  EXPECT_THAT(err, HasSubstr("--stack-name \"bad_name\""));
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
