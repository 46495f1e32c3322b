#pragma once
/// Everything of cdk::efs.
#include <cdk/efs/file_system.hpp>
