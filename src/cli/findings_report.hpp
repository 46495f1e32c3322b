#pragma once
// The security findings of an assembly as data, for `validate --format json`
// and `validate --format sarif` (GitHub code scanning and other SARIF
// readers). Suppressed findings are included with their reasons. Internal.
#include <string>

namespace cdk::detail {

struct Assembly;

/// One object: every finding with its rule, severity, stack, template file,
/// logical id, line, construct path, detail, fix and suppression, and counts.
/// `outdir` is where `synth` writes the templates the findings point into.
std::string findings_json(const Assembly& assembly, const std::string& outdir);

/// A SARIF 2.1.0 log with one run: the rule catalogue as the tool's rules,
/// each finding as a result located in its template (line of its logical id)
/// and at its construct path; suppressed ones carry an in-source suppression.
std::string findings_sarif(const Assembly& assembly, const std::string& outdir);

}  // namespace cdk::detail
