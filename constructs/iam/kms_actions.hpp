#pragma once
/// The KMS actions that grants on encrypted resources write, as explicit lists
/// (no `kms:GenerateDataKey*` or `kms:ReEncrypt*` families). Names as in AWS's
/// Service Authorization Reference for AWS KMS:
/// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
///
///   role.add_to_policy({.actions = cdk::iam::kms_actions::envelope(), .resources = {key_arn}});
#include <string>
#include <vector>

namespace cdk::iam::kms_actions {

/// What a service that encrypts data for the caller (SQS, SNS, Secrets
/// Manager, S3) asks the key for: a data key to encrypt with, and decrypting
/// one again.
inline std::vector<std::string> envelope() { return {"kms:Decrypt", "kms:GenerateDataKey"}; }

/// Every use of a symmetric key on data: encrypt, decrypt, re-encrypt and
/// data keys. Leaves out the data key pairs (asymmetric, for client-side use),
/// which the AWS CDK's kms:GenerateDataKey* also allows.
inline std::vector<std::string> encrypt_decrypt() {
  return {"kms:Decrypt", "kms:Encrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
          "kms:GenerateDataKeyWithoutPlaintext"};
}

}  // namespace cdk::iam::kms_actions
