// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/duration.h"

#include <QRegularExpression>

namespace Specula::Core {

std::optional<qint64> parseDurationSeconds(const QString &text)
{
    constexpr qint64 kLimit = 10LL * 365 * 86400;
    static const QRegularExpression bare(QStringLiteral("^\\d{1,12}$"));
    static const QRegularExpression units(
        QStringLiteral("^(?:(\\d{1,6})w)?(?:(\\d{1,6})d)?(?:(\\d{1,8})h)?(?:(\\d{1,9})m)?(?:(\\d{1,12})s)?$"));
    qint64 total = 0;
    if (bare.match(text).hasMatch()) {
        total = text.toLongLong();
    } else {
        const auto match = units.match(text);
        if (text.isEmpty() || !match.hasMatch())
            return std::nullopt;
        const qint64 factors[] = { 7 * 86400, 86400, 3600, 60, 1 };
        for (int i = 0; i < 5; ++i)
            total += match.captured(i + 1).toLongLong() * factors[i];
    }
    if (total <= 0 || total > kLimit)
        return std::nullopt;
    return total;
}

} // namespace Specula::Core
