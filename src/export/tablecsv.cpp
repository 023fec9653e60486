// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/tablecsv.h"

#include "prom/seriescsv.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QSaveFile>

namespace Specula::Export {
namespace {

// Rows are written in blocks of about this size, so a large table never sits in memory twice.
constexpr qsizetype flushBytes = 1 << 20;

Core::Error writeError(const QString &why, const QString &where = {})
{
    return Core::Error { Core::Error::Kind::Config, QStringLiteral("cannot write the CSV: ") + why, where, 0, {} };
}

} // namespace

std::optional<Core::Error> TableCsv::write(QIODevice *device, const QAbstractItemModel &model,
                                           const QList<int> &columns)
{
    QList<int> shown = columns;
    if (shown.isEmpty()) {
        for (int column = 0; column < model.columnCount(); ++column)
            shown.append(column);
    }
    QByteArray out;
    const auto line = [&](auto textOf) {
        for (qsizetype i = 0; i < shown.size(); ++i) {
            if (i > 0)
                out += ',';
            out += Prom::SeriesCsv::field(textOf(shown.at(i))).toUtf8();
        }
        out += "\r\n";
    };
    const auto flush = [&](bool force) {
        if (out.size() < flushBytes && !force)
            return true;
        const bool ok = device->write(out) == out.size();
        out.clear();
        return ok;
    };
    line([&](int column) { return model.headerData(column, Qt::Horizontal).toString(); });
    for (int row = 0; row < model.rowCount(); ++row) {
        line([&](int column) { return model.index(row, column).data().toString(); });
        if (!flush(false))
            return writeError(device->errorString());
    }
    if (!flush(true))
        return writeError(device->errorString());
    return std::nullopt;
}

QByteArray TableCsv::toCsv(const QAbstractItemModel &model, const QList<int> &columns)
{
    QByteArray text;
    QBuffer buffer(&text);
    buffer.open(QIODevice::WriteOnly);
    write(&buffer, model, columns);
    return text;
}

std::optional<Core::Error> TableCsv::writeFile(const QString &path, const QAbstractItemModel &model,
                                               const QList<int> &columns)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file.errorString(), path);
    if (std::optional<Core::Error> error = write(&file, model, columns)) {
        file.cancelWriting();
        error->where = path;
        return error;
    }
    if (!file.commit())
        return writeError(file.errorString(), path);
    return std::nullopt;
}

} // namespace Specula::Export
