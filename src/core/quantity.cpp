// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/quantity.h"

#include <QtNumeric>
#include <limits>

namespace Specula::Core {
namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();

struct Suffix
{
    int decimalExponent = 0;
    int binaryExponent = 0;
};

std::optional<Suffix> parseSuffix(QStringView s)
{
    if (s.isEmpty())
        return Suffix {};
    if (s.size() == 2 && s[1] == QLatin1Char('i')) {
        static constexpr char binary[] = "KMGTPE";
        for (int i = 0; i < 6; ++i) {
            if (s[0] == QLatin1Char(binary[i]))
                return Suffix { 0, 10 * (i + 1) };
        }
        return std::nullopt;
    }
    if (s[0] == QLatin1Char('e') || s[0] == QLatin1Char('E')) {
        bool ok = false;
        const int exponent = s.mid(1).toInt(&ok);
        // An exponent without digits ("1e") or beyond any representable value is invalid.
        if (!ok || s.size() == 1 || exponent > 40 || exponent < -40)
            return std::nullopt;
        return Suffix { exponent, 0 };
    }
    if (s.size() != 1)
        return std::nullopt;
    switch (s[0].unicode()) {
    case 'n':
        return Suffix { -9, 0 };
    case 'u':
        return Suffix { -6, 0 };
    case 'm':
        return Suffix { -3, 0 };
    case 'k':
        return Suffix { 3, 0 };
    case 'M':
        return Suffix { 6, 0 };
    case 'G':
        return Suffix { 9, 0 };
    case 'T':
        return Suffix { 12, 0 };
    case 'P':
        return Suffix { 15, 0 };
    case 'E':
        return Suffix { 18, 0 };
    default:
        return std::nullopt;
    }
}

qint64 saturatingMul(qint64 a, qint64 b)
{
    qint64 r = 0;
    return qMulOverflow(a, b, &r) ? kMax : r;
}

} // namespace

std::optional<Quantity> Quantity::parse(QStringView text)
{
    text = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
        negative = text[i++] == QLatin1Char('-');

    // Digits go into an integer mantissa; digits that no longer fit are dropped from the
    // fraction (or counted as a power of ten in the integer part), so precision is kept
    // exactly where it matters.
    qint64 mantissa = 0;
    int scale = 0; // value = mantissa * 10^scale
    int digits = 0;
    bool seenPoint = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('.') && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (!c.isDigit())
            break;
        ++digits;
        if (mantissa < kMax / 10 - 10) {
            mantissa = mantissa * 10 + c.digitValue();
            if (seenPoint)
                --scale;
        } else if (!seenPoint) {
            ++scale;
        }
    }
    if (digits == 0)
        return std::nullopt;
    const auto suffix = parseSuffix(text.mid(i));
    if (!suffix)
        return std::nullopt;

    int exponent = scale + suffix->decimalExponent + 3; // to milli-units
    qint64 milli = mantissa;
    for (int b = 0; b < suffix->binaryExponent; b += 10)
        milli = saturatingMul(milli, 1024);
    for (; exponent > 0; --exponent)
        milli = saturatingMul(milli, 10);
    if (exponent < 0) {
        // Round up, as Kubernetes does when a value has more precision than milli-units.
        bool remainder = false;
        for (; exponent < 0 && milli != 0; ++exponent) {
            remainder = remainder || milli % 10 != 0;
            milli /= 10;
        }
        if (remainder)
            ++milli;
    }
    return Quantity(negative ? -milli : milli);
}

qint64 Quantity::value() const
{
    if (m_milli >= 0)
        return m_milli / 1000 + (m_milli % 1000 != 0 ? 1 : 0);
    return m_milli / 1000;
}

Quantity &Quantity::operator+=(Quantity other)
{
    if (qAddOverflow(m_milli, other.m_milli, &m_milli))
        m_milli = other.m_milli > 0 ? kMax : std::numeric_limits<qint64>::min();
    return *this;
}

} // namespace Specula::Core
