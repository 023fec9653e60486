// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/seriescsv.h"

#include <QBuffer>
#include <QIODevice>
#include <QLocale>
#include <QSaveFile>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace Specula::Prom {

namespace {

// Plain digits across the range of gauges and byte counts (spreadsheets and people read
// "80000000000" better than "8e+10"), exponents only beyond it.
bool isPlain(double value)
{
    const double magnitude = std::fabs(value);
    return value == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
}

struct Column
{
    const SeriesStore *store;
    int id;
};

// Rows are flushed in blocks of this size, so a large export never builds the whole text twice.
constexpr qsizetype flushBytes = 1 << 20;

} // namespace

QString SeriesCsv::field(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
    if (!quote)
        return text;
    QString doubled = text;
    doubled.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + doubled + QLatin1Char('"');
}

QString SeriesCsv::timestamp(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

QString SeriesCsv::number(double value)
{
    if (std::isnan(value))
        return {};
    // Prometheus' own spellings, which spreadsheets and Prometheus tools read back.
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    // Both shortest round-trip.
    return QString::number(value, isPlain(value) ? 'f' : 'g', QLocale::FloatingPointShortest);
}

QString SeriesCsv::number(float value)
{
    if (!std::isfinite(value))
        return number(double(value));
    char text[64];
    const auto written = std::to_chars(std::begin(text), std::end(text), value,
                                       isPlain(value) ? std::chars_format::fixed : std::chars_format::general);
    return QString::fromLatin1(text, written.ptr - text);
}

std::optional<Core::Error> SeriesCsv::write(QIODevice *device, const QList<SeriesStore> &stores,
                                            const NameFunction &name)
{
    const auto failure = [device] {
        return Core::Error {
            Core::Error::Kind::Config, QStringLiteral("cannot write the CSV: ") + device->errorString(), {}, 0, {}
        };
    };
    QList<Column> columns;
    std::vector<qint64> times;
    for (const SeriesStore &store : stores) {
        for (const int id : store.idsInLabelOrder())
            columns.append(Column { &store, id });
        const TimeAxis &axis = store.axis();
        for (int i = 0; i < axis.count; ++i)
            times.push_back(axis.timeAt(i));
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());

    QByteArray out;
    out.reserve(flushBytes + 4096);
    const auto flush = [&](bool force) {
        if (out.size() < flushBytes && !force)
            return true;
        if (device->write(out) != out.size())
            return false;
        out.clear();
        return true;
    };

    out += "timestamp";
    for (const Column &column : std::as_const(columns)) {
        const Labels &labels = column.store->labels(column.id);
        out += ',';
        out += field(name ? name(labels) : SeriesStore::compactName(labels)).toUtf8();
        if (!flush(false))
            return failure();
    }
    out += "\r\n";

    // Per store, the axis index of each row's time (-1: the store has no point then).
    QList<std::vector<int>> indexes;
    for (const SeriesStore &store : stores) {
        std::vector<int> index(times.size());
        for (size_t row = 0; row < times.size(); ++row)
            index[row] = store.axis().indexOf(times[row]);
        indexes.append(std::move(index));
    }
    for (size_t row = 0; row < times.size(); ++row) {
        out += timestamp(times[row]).toLatin1();
        int storeIndex = -1;
        const SeriesStore *current = nullptr;
        for (const Column &column : std::as_const(columns)) {
            if (column.store != current) {
                current = column.store;
                ++storeIndex;
                while (&stores.at(storeIndex) != current)
                    ++storeIndex;
            }
            out += ',';
            const int at = indexes.at(storeIndex)[row];
            if (at >= 0)
                out += number(current->value(column.id, at)).toLatin1();
        }
        out += "\r\n";
        if (!flush(false))
            return failure();
    }
    if (!flush(true))
        return failure();
    return std::nullopt;
}

QByteArray SeriesCsv::toCsv(const QList<SeriesStore> &stores, const NameFunction &name)
{
    QByteArray text;
    QBuffer buffer(&text);
    buffer.open(QIODevice::WriteOnly);
    write(&buffer, stores, name);
    return text;
}

std::optional<Core::Error> SeriesCsv::writeFile(const QString &path, const QList<SeriesStore> &stores,
                                                const NameFunction &name)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Core::Error {
            Core::Error::Kind::Config, QStringLiteral("cannot write: ") + file.errorString(), path, 0, {}
        };
    }
    if (std::optional<Core::Error> error = write(&file, stores, name)) {
        file.cancelWriting();
        error->where = path;
        return error;
    }
    if (!file.commit())
        return Core::Error {
            Core::Error::Kind::Config, QStringLiteral("cannot write: ") + file.errorString(), path, 0, {}
        };
    return std::nullopt;
}

} // namespace Specula::Prom
