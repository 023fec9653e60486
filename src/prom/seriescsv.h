// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "prom/seriesstore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

class QIODevice;

namespace Specula::Prom {

// Series stores as CSV (RFC 4180): CRLF line ends; a field with a comma, quote, CR or LF is
// quoted with its quotes doubled. The first column is `timestamp` in ISO 8601 UTC
// (2026-11-23T18:00:00Z), then one column per series (each store's series in label order,
// stores in the order given); rows are the union of the stores' times, ascending; a missing
// point is an empty cell; numbers are the shortest text that reads back as the same double.
class SeriesCsv
{
public:
    using NameFunction = std::function<QString(const Labels &labels)>;

    // The whole document; an empty `name` means SeriesStore::compactName.
    static QByteArray toCsv(const QList<SeriesStore> &stores, const NameFunction &name = {});
    static std::optional<Core::Error> write(QIODevice *device, const QList<SeriesStore> &stores,
                                            const NameFunction &name = {});
    // Written through QSaveFile: the file is replaced only when everything was written.
    static std::optional<Core::Error> writeFile(const QString &path, const QList<SeriesStore> &stores,
                                                const NameFunction &name = {});

    static QString field(const QString &text);
    static QString timestamp(qint64 unixSeconds);
    static QString number(double value);
    // The shortest text that reads back as the same float (through a double, 45.3f would be
    // 45.29999923706055).
    static QString number(float value);
};

} // namespace Specula::Prom
