#pragma once
/// Everything of cdk::sns.
#include <cdk/sns/subscription.hpp>
#include <cdk/sns/subscriptions.hpp>
#include <cdk/sns/topic.hpp>
