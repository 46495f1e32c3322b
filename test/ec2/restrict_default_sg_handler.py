#!/usr/bin/env python3
"""The function behind Custom::VpcRestrictDefaultSG, run against moto's EC2.

Takes the handler's source from the C++ file that writes it into templates
(argument 1), runs its Create, Update and Delete events on a VPC's default
security group, and checks the group's rules and the answers sent to
CloudFormation. Exits 77 (skipped) when moto or boto3 is missing.
"""
import os
import re
import sys
import types

os.environ.update(AWS_DEFAULT_REGION="eu-west-1", AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
try:
    import boto3
    from moto import mock_aws
except ImportError as e:
    print(f"skipped: {e}")
    sys.exit(77)

SOURCE = open(sys.argv[1], encoding="utf-8").read()
CODE = re.search(r'kHandler = R"\((.*?)\)";', SOURCE, re.S).group(1)

answers = []
cfnresponse = types.ModuleType("cfnresponse")
cfnresponse.SUCCESS, cfnresponse.FAILED = "SUCCESS", "FAILED"
cfnresponse.send = lambda event, context, status, data, physical_id=None, noEcho=False, reason=None: \
    answers.append((status, physical_id, reason))
sys.modules["cfnresponse"] = cfnresponse


def rules(ec2, group):
    g = ec2.describe_security_groups(GroupIds=[group])["SecurityGroups"][0]
    return len(g["IpPermissions"]), len(g["IpPermissionsEgress"])


def expect(what, actual, wanted):
    if actual != wanted:
        print(f"FAILED: {what}: {actual!r}, wanted {wanted!r}")
        sys.exit(1)


with mock_aws():
    ec2 = boto3.client("ec2")
    handler = types.ModuleType("index")
    exec(compile(CODE, "index.py", "exec"), handler.__dict__)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]},
                                                  {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]
    sg, account = group["GroupId"], group["OwnerId"]
    # A new VPC's default group lets its members talk to each other (the emulator leaves this rule out).
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[
        {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": sg, "UserId": account}]}])
    expect("rules of a new VPC's default group", rules(ec2, sg), (1, 1))

    props = {"DefaultSecurityGroupId": sg, "Account": account}
    handler.handler({"RequestType": "Create", "ResourceProperties": props}, None)
    expect("answer to Create", answers[-1], ("SUCCESS", sg, None))
    expect("rules after Create", rules(ec2, sg), (0, 0))

    handler.handler({"RequestType": "Update", "ResourceProperties": props, "OldResourceProperties": props}, None)
    expect("answer to an Update that finds the rules gone", answers[-1], ("SUCCESS", sg, None))
    expect("rules after Update", rules(ec2, sg), (0, 0))

    handler.handler({"RequestType": "Delete", "ResourceProperties": props}, None)
    expect("answer to Delete", answers[-1], ("SUCCESS", sg, None))
    expect("rules after Delete (put back)", rules(ec2, sg), (1, 1))

    missing = {"DefaultSecurityGroupId": "sg-0123456789abcdef0", "Account": account}
    handler.handler({"RequestType": "Create", "ResourceProperties": missing}, None)
    expect("answer to Create on a group that does not exist", answers[-1][0], "FAILED")
    handler.handler({"RequestType": "Delete", "ResourceProperties": missing}, None)
    expect("answer to Delete of a group already gone", answers[-1][0], "SUCCESS")

print("ok: Create and Update remove the default group's rules, Delete puts them back, a missing group fails Create only")
