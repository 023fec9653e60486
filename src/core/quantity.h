// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <optional>

namespace Specula::Core {

// A Kubernetes resource.Quantity ("8", "1900m", "16367668Ki", "1e3", "32k"), held exactly as
// milli-units. Values beyond the int64 range of milli-units saturate; no cluster resource
// comes near that.
class Quantity
{
public:
    constexpr Quantity() = default;
    static constexpr Quantity fromMilli(qint64 milli) { return Quantity(milli); }
    static constexpr Quantity fromValue(qint64 value) { return Quantity(value * 1000); }
    // The full Quantity grammar: decimal suffixes n u m "" k M G T P E, binary suffixes
    // Ki..Ei and decimal exponents. Returns nothing for anything else.
    static std::optional<Quantity> parse(QStringView text);

    constexpr qint64 milli() const { return m_milli; }
    // Whole units, rounded up as Kubernetes' Quantity.Value() does.
    qint64 value() const;

    Quantity &operator+=(Quantity other);
    friend Quantity operator+(Quantity a, Quantity b) { return a += b; }
    friend constexpr bool operator==(Quantity a, Quantity b) = default;
    friend constexpr auto operator<=>(Quantity a, Quantity b) = default;
    friend size_t qHash(Quantity q, size_t seed = 0) { return qHash(q.m_milli, seed); }

private:
    constexpr explicit Quantity(qint64 milli)
        : m_milli(milli)
    { }
    qint64 m_milli = 0;
};

} // namespace Specula::Core
