#!/bin/bash
# Pulls the images from the account's ECR registry (the instance role may pull
# them) and starts php-fpm and nginx; nginx serves port 80 to the load balancer.
set -euo pipefail
token=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
identity=$(curl -s -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/dynamic/instance-identity/document)
account=$(sed -n 's/.*"accountId" *: *"\([0-9]*\)".*/\1/p' <<<"$identity")
region=$(sed -n 's/.*"region" *: *"\([a-z0-9-]*\)".*/\1/p' <<<"$identity")
registry="$account.dkr.ecr.$region.amazonaws.com"
tag=${KEYEDIN_TAG:-latest}
aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "$registry"
docker network create keyedin 2>/dev/null || true
name=${APPLICATION_NAME:-keyedin}   # the CodeDeploy application: the repositories' prefix
docker run -d --name keyedin-backend --network keyedin --restart unless-stopped "$registry/$name/backend:$tag"
docker run -d --name keyedin-nginx --network keyedin --restart unless-stopped -p 80:80 "$registry/$name/nginx:$tag"
