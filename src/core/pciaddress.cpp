// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pciaddress.h"

#include <QList>

namespace Specula::Core {
namespace {

std::optional<quint32> hexField(QStringView text, int maxDigits, quint32 maxValue)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return std::nullopt;
    bool ok = false;
    const quint32 value = text.toUInt(&ok, 16);
    if (!ok || value > maxValue)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<PciAddress> PciAddress::parse(QStringView text)
{
    text = text.trimmed();
    const qsizetype dot = text.lastIndexOf(u'.');
    if (dot < 0)
        return std::nullopt;
    const QList<QStringView> parts = text.left(dot).split(u':');
    if (parts.size() != 2 && parts.size() != 3)
        return std::nullopt;
    const bool hasDomain = parts.size() == 3;
    const auto domain = hasDomain ? hexField(parts[0], 8, 0xffffffffu) : std::optional<quint32>(0);
    const auto bus = hexField(parts[hasDomain ? 1 : 0], 2, 0xff);
    const auto device = hexField(parts[hasDomain ? 2 : 1], 2, 0x1f);
    const auto function = hexField(text.mid(dot + 1), 1, 7);
    if (!domain || !bus || !device || !function)
        return std::nullopt;
    return PciAddress { *domain, quint8(*bus), quint8(*device), quint8(*function) };
}

QString PciAddress::toString() const
{
    return QStringLiteral("%1:%2:%3.%4")
        .arg(domain, 4, 16, QLatin1Char('0'))
        .arg(bus, 2, 16, QLatin1Char('0'))
        .arg(device, 2, 16, QLatin1Char('0'))
        .arg(function, 1, 16);
}

QString normalizedPciAddress(const QString &text)
{
    const auto address = PciAddress::parse(text);
    return address ? address->toString() : text;
}

} // namespace Specula::Core
