#pragma once
/// Everything of cdk::sqs.
#include <cdk/sqs/queue.hpp>
