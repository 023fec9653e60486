// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/result.h"
#include "prom/promtypes.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace Specula::Prom {

// One sample line of the text exposition format.
struct ExpositionSample
{
    QString name;
    Labels labels; // without __name__
    double value = 0;
    std::optional<qint64> timestampMs;
    int line = 0; // 1-based
};

// Samples grouped under the family their name belongs to (name, or name minus _sum/_count/
// _bucket/_total/_created when a TYPE says so), in order of first appearance.
struct ExpositionFamily
{
    QString name;
    QString type; // "counter", "gauge", "histogram", "summary", "untyped" (also when no TYPE line)
    QString help;
    QList<ExpositionSample> samples;
};

struct Exposition
{
    QList<ExpositionFamily> families;
    QList<Core::Error> errors; // lenient parsing only: one per bad line, in line order

    const ExpositionFamily *family(const QString &name) const;
    qsizetype sampleCount() const;
    // Label names used by the samples of each family (for Dialect::detect).
    QHash<QString, QStringList> labelNamesByFamily() const;
    QStringList familyNames() const;
};

// The Prometheus text exposition format (version 0.0.4) as exporters serve it on /metrics:
// `# HELP`/`# TYPE` lines, other comments, samples `name{l="v",…} value [timestamp_ms]` with
// escaped label values (\\, \", \n), NaN and ±Inf, whitespace around tokens and a trailing comma
// in the label set, as real exporters write them.
class ExpositionParser
{
public:
    enum class Mode {
        Strict, // the first bad line is the error
        Lenient, // bad lines are skipped and listed in Exposition::errors
    };

    // `where` names the source in errors: "<where>:<line>".
    static Core::Result<Exposition> parse(QByteArrayView text, const QString &where, Mode mode = Mode::Strict);
    static Core::Result<Exposition> parseFile(const QString &path, Mode mode = Mode::Strict);

    // A sample value as exporters print it ("302.206000", "NaN", "+Inf", "9223372036854775794").
    static std::optional<double> parseValue(QStringView text);
};

} // namespace Specula::Prom
