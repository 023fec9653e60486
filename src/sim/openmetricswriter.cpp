// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/openmetricswriter.h"

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

OpenMetricsWriter::OpenMetricsWriter(MetricSet metrics, const QString &families)
    : m_metrics(std::move(metrics))
    , m_families(families.isEmpty() ? QString() : QRegularExpression::anchoredPattern(families))
{ }

QString OpenMetricsWriter::patternError() const
{
    return m_families.isValid() ? QString() : m_families.errorString();
}

QByteArray OpenMetricsWriter::formatExact(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray OpenMetricsWriter::formatValue(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'f', 6);
}

Core::Result<qint64> OpenMetricsWriter::write(QIODevice *out, qint64 from, qint64 to, qint64 step) const
{
    if (step <= 0 || to < from)
        return writeError(QStringLiteral("openmetrics"), QStringLiteral("the time range or step is empty"));
    if (!m_families.isValid())
        return writeError(QStringLiteral("openmetrics"),
                          QStringLiteral("the family pattern is not a regular expression: %1").arg(patternError()));
    QByteArray buffer;
    qint64 samples = 0;
    auto flush = [&](bool force) {
        if (!force && buffer.size() < kFlushBytes)
            return true;
        const bool ok = out->write(buffer) == buffer.size();
        buffer.clear();
        return ok;
    };
    // The grid of scrapes: multiples of step, as Prometheus scrapes every interval.
    if (from < 0)
        return writeError(QStringLiteral("openmetrics"), QStringLiteral("the time range starts before 1970"));
    const qint64 start = (from + step - 1) / step * step;
    for (const SimFamily &family : m_metrics.families()) {
        if (!m_families.pattern().isEmpty() && !m_families.match(family.name).hasMatch())
            continue;
        const QByteArray name = family.name.toLatin1();
        buffer += "# TYPE " + name + ' ' + family.type.toLatin1() + '\n';
        for (const SimSeries &series : family.series) {
            QByteArray prefix = series.labels.value(QStringLiteral("__name__"), family.name).toLatin1() + '{';
            bool firstLabel = true;
            for (auto it = series.labels.begin(); it != series.labels.end(); ++it) {
                if (it.key() == u"__name__")
                    continue;
                if (!firstLabel)
                    prefix += ',';
                firstLabel = false;
                prefix += it.key().toLatin1() + "=\"" + escapeLabel(it.value()) + '"';
            }
            prefix += "} ";
            for (qint64 t = start; t <= to; t += step) {
                const auto value = series.value(t);
                if (!value)
                    continue;
                buffer += prefix + formatExact(*value) + ' ' + QByteArray::number(t) + '\n';
                ++samples;
                if (!flush(false))
                    return writeError(QStringLiteral("openmetrics"), out->errorString());
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
