// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <compare>
#include <optional>

namespace Specula::Core {

// A PCI address compared as numbers. Every source spells it differently: dcgm-exporter
// "00000000:1A:00.0" (8-digit domain, upper case), SR-IOV and Multus "0000:86:02.0", lspci
// "86:02.0" (no domain).
struct PciAddress
{
    quint32 domain = 0;
    quint8 bus = 0;
    quint8 device = 0; // 0–31
    quint8 function = 0; // 0–7

    static std::optional<PciAddress> parse(QStringView text);
    // "0000:3b:00.2": 4-digit lower-case domain, as the snapshot schema writes it.
    QString toString() const;

    friend auto operator<=>(const PciAddress &, const PciAddress &) = default;
};

// The normalised spelling of a PCI address, or the text unchanged when it is not one.
QString normalizedPciAddress(const QString &text);

} // namespace Specula::Core
