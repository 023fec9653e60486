// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/heatmapcsv.h"

#include "prom/seriescsv.h"

#include <QBuffer>
#include <QSaveFile>

namespace Specula::Model {
namespace {

using Prom::SeriesCsv;

// Lines are flushed in blocks of this size, so a large export never holds the whole text.
constexpr qsizetype kFlushBytes = 1 << 20;

Core::Error writeError(const QString &why, const QString &where = {})
{
    return Core::Error { Core::Error::Kind::Config, QStringLiteral("cannot write the CSV: ") + why, where, 0, {} };
}

QString optionalNumber(const std::optional<int> &value)
{
    return value ? QString::number(*value) : QString();
}

} // namespace

std::optional<Core::Error> HeatmapCsv::write(QIODevice *device, const HeatmapData &data)
{
    QByteArray out = "node,uuid,gpu,mig_profile,mig_instance,model,pods,mean";
    const Prom::TimeAxis &axis = data.axis();
    for (int step = 0; step < axis.count; ++step) {
        out += ',';
        out += SeriesCsv::timestamp(axis.timeAt(step)).toLatin1();
    }
    out += "\r\n";
    for (int r = 0; r < data.rowCount(); ++r) {
        const HeatmapRow &row = data.row(r);
        QStringList pods;
        for (const PodRef &pod : row.pods) {
            if (!pods.contains(pod.key()))
                pods.append(pod.key());
        }
        const QStringList fields { row.node,
                                   row.uuid,
                                   optionalNumber(row.index),
                                   row.migProfile,
                                   optionalNumber(row.migInstance),
                                   row.model,
                                   pods.join(QLatin1Char(' ')),
                                   SeriesCsv::number(row.mean) };
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                out += ',';
            out += SeriesCsv::field(fields.at(i)).toUtf8();
        }
        for (const float value : data.values(r)) {
            out += ',';
            out += SeriesCsv::number(value).toLatin1();
        }
        out += "\r\n";
        if (out.size() >= kFlushBytes) {
            if (device->write(out) != out.size())
                return writeError(device->errorString());
            out.clear();
        }
    }
    if (device->write(out) != out.size())
        return writeError(device->errorString());
    return std::nullopt;
}

QByteArray HeatmapCsv::toCsv(const HeatmapData &data)
{
    QByteArray text;
    QBuffer buffer(&text);
    buffer.open(QIODevice::WriteOnly);
    write(&buffer, data);
    return text;
}

std::optional<Core::Error> HeatmapCsv::writeFile(const QString &path, const HeatmapData &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(file.errorString(), path);
    if (std::optional<Core::Error> error = write(&file, data)) {
        file.cancelWriting();
        error->where = path;
        return error;
    }
    if (!file.commit())
        return writeError(file.errorString(), path);
    return std::nullopt;
}

} // namespace Specula::Model
