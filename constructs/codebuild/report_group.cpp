#include <cdk/codebuild/report_group.hpp>

#include <cdk/codebuild/cfn_report_group.hpp>
#include <cdk/fn.hpp>
#include <cdk/iam/grant.hpp>
#include <cdk/s3/bucket.hpp>

namespace cdk::codebuild {

ReportGroup::ReportGroup(Construct& scope, std::string_view id, const ReportGroupProps& props)
    : Construct(scope, id), export_bucket_(props.export_bucket.get()) {
  const auto& name = props.report_group_name;
  if (!name.empty() && (name.size() < 2 || name.size() > 128))
    throw Error(node().path(), "report group name \"" + name + "\" is not 2-128 characters", "use such a name");
  if (props.zip_export && !export_bucket_)
    throw Error(node().path(), "zip_export is set without an export_bucket", "set .export_bucket, or drop zip_export");
  CfnReportGroup::Props l1;
  l1.type = props.type == ReportGroupType::Test ? "TEST" : "CODE_COVERAGE";
  CfnReportGroup::ReportExportConfigProperty exports;
  if (export_bucket_ != nullptr) {
    exports.export_config_type = "S3";
    CfnReportGroup::S3ReportExportConfigProperty s3{.bucket = export_bucket_->bucket_name()};
    if (props.zip_export) s3.packaging = "ZIP";
    exports.s3_destination = std::move(s3);
  } else {
    exports.export_config_type = "NO_EXPORT";
  }
  l1.export_config = std::move(exports);
  if (!name.empty()) l1.name = name;
  if (props.delete_reports) l1.delete_reports = true;
  resource_ = &add<CfnReportGroup>("Resource", std::move(l1));
  resource_->apply_removal_policy(props.removal_policy);
}

Value ReportGroup::report_group_arn() const { return resource_->attr_arn(); }
Value ReportGroup::report_group_name() const { return Fn::select(1, Fn::split("/", resource_->ref())); }

void ReportGroup::grant_write(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases"},
                                .resource_arns = {report_group_arn()}});
  if (export_bucket_ != nullptr) export_bucket_->grant_write(grantee);
}

}  // namespace cdk::codebuild
