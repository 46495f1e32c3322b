#pragma once
// Moved to synth/digraph.hpp (synthesis owns the digraph); kept until the
// synthesizer includes it from there.
#include "synth/digraph.hpp"
