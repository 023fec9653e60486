// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>

namespace TestNumbers {

// A value that went through text (CSV, JSON, a chart's points) against the generator's double:
// equal to 1e-9 of its size, or to 1e-9 near zero. Printing and parsing may round the last digits.
inline bool nearlyEqual(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-9 * std::max(1.0, std::fabs(expected));
}

// The same for a value kept in single precision (a heatmap's): seven significant digits.
inline bool nearlyEqualSingle(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-6 * std::max(1.0, std::fabs(expected));
}

} // namespace TestNumbers
