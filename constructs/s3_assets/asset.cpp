#include <cdk/s3_assets/asset.hpp>

#include <cdk/iam/grant.hpp>
#include <cdk/s3/bucket_actions.hpp>

namespace cdk::s3_assets {

void Asset::grant_read(iam::IGrantable& grantee) const {
  iam::Grant::add_to_principal({.grantee = grantee,
                                .actions = s3::actions::read(),
                                .resource_arns = {bucket_arn(), bucket_arn() + "/*"}});
}

}  // namespace cdk::s3_assets
