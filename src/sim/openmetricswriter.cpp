// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/openmetricswriter.h"

#include "sim/dcgmmetrics.h"

#include <QRegularExpression>
#include <QSaveFile>
#include <cmath>

namespace Specula::Sim {

namespace {

constexpr qsizetype kFlushBytes = 256 * 1024;

QByteArray escapeLabel(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

Core::Error writeError(const QString &where, const QString &why)
{
    Core::Error error;
    error.kind = Core::Error::Kind::Config;
    error.where = where;
    error.message = why;
    return error;
}

} // namespace

OpenMetricsWriter::OpenMetricsWriter(GpuFleet fleet)
    : m_fleet(std::move(fleet))
{ }

QByteArray OpenMetricsWriter::formatValue(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'f', 6);
}

std::optional<qint64> OpenMetricsWriter::parseDuration(const QString &text)
{
    static const QRegularExpression bare(QStringLiteral("^\\d+$"));
    static const QRegularExpression units(QStringLiteral("^(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"));
    bool ok = false;
    if (bare.match(text).hasMatch()) {
        const qint64 seconds = text.toLongLong(&ok);
        return ok && seconds > 0 ? std::optional(seconds) : std::nullopt;
    }
    const auto match = units.match(text);
    if (text.isEmpty() || !match.hasMatch())
        return std::nullopt;
    const qint64 factors[] = { 86400, 3600, 60, 1 };
    qint64 total = 0;
    for (int i = 0; i < 4; ++i) {
        const qint64 part = match.captured(i + 1).isEmpty() ? 0 : match.captured(i + 1).toLongLong(&ok);
        if (part > 1000000000LL / factors[i])
            return std::nullopt;
        total += part * factors[i];
    }
    return total > 0 ? std::optional(total) : std::nullopt;
}

Core::Result<qint64> OpenMetricsWriter::write(QIODevice *out, qint64 from, qint64 to, qint64 step) const
{
    if (step <= 0 || to < from)
        return writeError(QStringLiteral("openmetrics"), QStringLiteral("the time range or step is empty"));
    QByteArray buffer;
    qint64 samples = 0;
    auto flush = [&](bool force) {
        if (!force && buffer.size() < kFlushBytes)
            return true;
        const bool ok = out->write(buffer) == buffer.size();
        buffer.clear();
        return ok;
    };
    const qint64 first = to - ((to - from) / step) * step;
    for (const auto field : DcgmMetrics::fields()) {
        const QByteArray name = DcgmMetrics::name(field).toLatin1();
        // promtool 2.42 takes counters without the _total suffix (dcgm's names have none), so
        // the family keeps its real type and name.
        buffer += "# TYPE " + name + (DcgmMetrics::isCounter(field) ? " counter\n" : " gauge\n");
        for (const auto &device : m_fleet.devices()) {
            if (!DcgmMetrics::value(field, m_fleet.seed(), device, to))
                continue;
            // A time-sliced GPU shows once per pod, with the same values: the per-process view.
            QList<const GpuHolder *> holders;
            for (const auto &holder : device.holders)
                holders.append(&holder);
            if (holders.isEmpty())
                holders.append(nullptr);
            for (const GpuHolder *holder : std::as_const(holders)) {
                QByteArray series = name + '{';
                bool firstLabel = true;
                for (const auto &[key, value] : DcgmMetrics::labels(device, holder)) {
                    if (!firstLabel)
                        series += ',';
                    firstLabel = false;
                    series += key.toLatin1() + "=\"" + escapeLabel(value) + '"';
                }
                series += "} ";
                for (qint64 t = first; t <= to; t += step) {
                    const auto value = DcgmMetrics::value(field, m_fleet.seed(), device, t);
                    if (!value)
                        continue;
                    buffer += series + formatValue(*value) + ' ' + QByteArray::number(t) + '\n';
                    ++samples;
                    if (!flush(false))
                        return writeError(QStringLiteral("openmetrics"), out->errorString());
                }
            }
        }
    }
    buffer += "# EOF\n";
    if (!flush(true))
        return writeError(QStringLiteral("openmetrics"), out->errorString());
    return samples;
}

Core::Result<qint64> OpenMetricsWriter::writeFile(const QString &path, qint64 from, qint64 to, qint64 step) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    auto written = write(&file, from, to, step);
    if (!written) {
        file.cancelWriting();
        return writeError(path, QStringLiteral("cannot write: %1").arg(written.error().message));
    }
    if (!file.commit())
        return writeError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    return written;
}

} // namespace Specula::Sim
