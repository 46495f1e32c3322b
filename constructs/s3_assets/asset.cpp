#include <cdk/s3_assets/asset.hpp>

#include <cdk/iam/grant.hpp>

namespace cdk::s3_assets {

void Asset::grant_read(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = {"s3:GetObject*", "s3:GetBucket*", "s3:List*"},
                                .resource_arns = {bucket_arn(), bucket_arn() + "/*"}});
}

}  // namespace cdk::s3_assets
