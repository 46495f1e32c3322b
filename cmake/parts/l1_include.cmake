# CfnInclude's readers: per generated L1 type, code that fills its typed props
# from an included template (tools/cfngen/emit_include.cpp), and their table.
#
#   generated/src/l1/include_NN.cpp      the readers, CDKPP_L1_INCLUDE_SHARDS files
#   generated/src/l1/include_types.cpp   the table of every shard's readers
#
# Reading costs about as much compile time per type as rendering does, so the
# readers cover the services most templates use (every service of the samples'
# templates and a few more), not all ~250: an included resource of another type
# stays a generic CfnResource. "all" reads every generated type (the L1 build
# then takes about twice as long); with CDKPP_L1_SERVICES limited, the default
# is those services. Cost measured: README, "Existing templates".
set(_cdkpp_l1_include_default
    AWS::EC2 AWS::IAM AWS::ElasticLoadBalancingV2 AWS::S3 AWS::CloudWatch AWS::RDS AWS::Logs AWS::ECS
    AWS::ApplicationAutoScaling AWS::CodeBuild AWS::SNS AWS::Route53 AWS::ECR AWS::Lambda AWS::CloudFront
    AWS::CertificateManager AWS::CodePipeline AWS::SQS AWS::CodeStarConnections AWS::CodeDeploy AWS::SSM
    AWS::EFS AWS::AutoScaling AWS::WAFv2 AWS::SecretsManager AWS::Events AWS::DynamoDB AWS::KMS
    AWS::ApiGateway AWS::StepFunctions)
if(NOT CDKPP_L1_SERVICES STREQUAL "all")
  set(_cdkpp_l1_include_default "${CDKPP_L1_SERVICES}")
endif()
set(CDKPP_L1_INCLUDE_SERVICES "${_cdkpp_l1_include_default}" CACHE STRING
    "Services whose resources CfnInclude makes typed L1 objects: 'all' or a ';' list (a subset of CDKPP_L1_SERVICES)")
set(CDKPP_L1_INCLUDE_SHARDS "4" CACHE STRING "Number of generated CfnInclude reader source files")
string(REPLACE ";" "," _cdkpp_l1_include_services_arg "${CDKPP_L1_INCLUDE_SERVICES}")

set(_cdkpp_l1_include_sources)
math(EXPR _cdkpp_l1_include_last "${CDKPP_L1_INCLUDE_SHARDS} - 1")
foreach(i RANGE ${_cdkpp_l1_include_last})
  if(i LESS 10)
    set(i "0${i}")
  endif()
  list(APPEND _cdkpp_l1_include_sources ${CDKPP_L1_DIR}/src/l1/include_${i}.cpp)
endforeach()
list(APPEND _cdkpp_l1_include_sources ${CDKPP_L1_DIR}/src/l1/include_types.cpp)

add_custom_command(
  OUTPUT ${CDKPP_L1_DIR}/l1_include.stamp
  BYPRODUCTS ${_cdkpp_l1_include_sources}
  COMMAND cfngen --spec ${CDKPP_L1_SPEC} --patches ${CDKPP_L1_PATCHES} --include-out ${CDKPP_L1_DIR}
          --services ${_cdkpp_l1_include_services_arg} --include-shards ${CDKPP_L1_INCLUDE_SHARDS}
          --stamp ${CDKPP_L1_DIR}/l1_include.stamp
  DEPENDS cfngen ${CDKPP_L1_SPEC} ${CDKPP_L1_PATCHES}
  COMMENT "Generating CfnInclude readers of the L1 props"
  VERBATIM)
add_custom_target(cdkpp_l1_include_generate DEPENDS ${CDKPP_L1_DIR}/l1_include.stamp)

target_sources(cdkpp PRIVATE ${_cdkpp_l1_include_sources})
set_source_files_properties(${_cdkpp_l1_include_sources} PROPERTIES
  COMPILE_OPTIONS "$<$<NOT:$<CONFIG:Debug>>:-Og>")
add_dependencies(cdkpp cdkpp_l1_include_generate)
