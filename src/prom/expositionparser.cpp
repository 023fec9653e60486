// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/expositionparser.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <limits>

namespace Specula::Prom {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u':';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

// A cursor over one line; errors say which field went wrong.
class LineReader
{
public:
    explicit LineReader(QStringView line)
        : m_line(line)
    { }

    void skipSpace()
    {
        while (m_pos < m_line.size() && isSpace(m_line[m_pos]))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_line.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_line[m_pos]; }
    void advance() { ++m_pos; }
    qsizetype pos() const { return m_pos; }

    // A metric or label name; label names may not contain ':' but exporters never write one, and
    // the name rule is checked by the caller where it matters.
    QString name()
    {
        const qsizetype start = m_pos;
        if (atEnd() || !isNameStart(m_line[m_pos]))
            return {};
        while (m_pos < m_line.size() && isNameChar(m_line[m_pos]))
            ++m_pos;
        return m_line.mid(start, m_pos - start).toString();
    }

    // The next whitespace-delimited token.
    QStringView token()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_line.size() && !isSpace(m_line[m_pos]))
            ++m_pos;
        return m_line.mid(start, m_pos - start);
    }

    // A double-quoted label value with \\, \" and \n escapes; nullopt with `error` set otherwise.
    std::optional<QString> quoted(QString *error)
    {
        if (peek() != u'"') {
            *error = QStringLiteral("expected '\"' to start the label value");
            return std::nullopt;
        }
        advance();
        QString value;
        while (!atEnd()) {
            const QChar c = m_line[m_pos++];
            if (c == u'"')
                return value;
            if (c != u'\\') {
                value += c;
                continue;
            }
            if (atEnd())
                break;
            const QChar escaped = m_line[m_pos++];
            if (escaped == u'n')
                value += u'\n';
            else if (escaped == u'\\' || escaped == u'"')
                value += escaped;
            else {
                // The format defines only three escapes; Prometheus keeps the others verbatim.
                value += u'\\';
                value += escaped;
            }
        }
        *error = QStringLiteral("unterminated label value");
        return std::nullopt;
    }

    QString rest() const { return m_line.mid(m_pos).toString(); }

private:
    QStringView m_line;
    qsizetype m_pos = 0;
};

struct Builder
{
    QList<ExpositionFamily> families;
    QHash<QString, qsizetype> index; // family name → position

    ExpositionFamily &family(const QString &name)
    {
        auto it = index.constFind(name);
        if (it != index.cend())
            return families[*it];
        index.insert(name, families.size());
        ExpositionFamily family;
        family.name = name;
        family.type = QStringLiteral("untyped");
        families.append(family);
        return families.last();
    }

    // The family a sample belongs to: a typed family whose name it extends with a known suffix.
    QString familyOf(const QString &sample) const
    {
        static const QStringList suffixes
            = { QStringLiteral("_bucket"), QStringLiteral("_sum"), QStringLiteral("_count"), QStringLiteral("_created"),
                QStringLiteral("_total") };
        if (index.contains(sample))
            return sample;
        for (const QString &suffix : suffixes) {
            if (!sample.endsWith(suffix))
                continue;
            const QString base = sample.chopped(suffix.size());
            auto it = index.constFind(base);
            if (it != index.cend() && families[*it].type != u"untyped" && families[*it].type != u"gauge")
                return base;
        }
        return sample;
    }
};

// Returns an error message, or empty when the line was taken.
QString parseComment(QStringView line, Builder &builder)
{
    LineReader reader(line.mid(1));
    reader.skipSpace();
    const QStringView keyword = reader.token();
    if (keyword != u"HELP" && keyword != u"TYPE")
        return {}; // an ordinary comment
    reader.skipSpace();
    const QString name = reader.name();
    if (name.isEmpty())
        return QStringLiteral("%1 line without a metric name").arg(keyword);
    if (!reader.atEnd() && !isSpace(reader.peek()))
        return QStringLiteral("invalid character '%1' in metric name of %2 line").arg(reader.peek()).arg(keyword);
    reader.skipSpace();
    if (keyword == u"HELP") {
        // HELP text escapes only \\ and \n.
        QString help = reader.rest();
        help.replace(QLatin1String("\\n"), QLatin1String("\n")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
        builder.family(name).help = help;
        return {};
    }
    const QString type = reader.token().toString();
    static const QSet<QString> types
        = { QStringLiteral("counter"), QStringLiteral("gauge"), QStringLiteral("histogram"), QStringLiteral("summary"),
            QStringLiteral("untyped") };
    if (!types.contains(type))
        return QStringLiteral("unknown metric type \"%1\" for %2").arg(type, name);
    ExpositionFamily &family = builder.family(name);
    if (family.type != u"untyped" && family.type != type)
        return QStringLiteral("second TYPE for %1: %2 after %3").arg(name, type, family.type);
    family.type = type;
    return {};
}

QString parseSample(QStringView line, int lineNumber, Builder &builder)
{
    LineReader reader(line);
    reader.skipSpace();
    ExpositionSample sample;
    sample.line = lineNumber;
    sample.name = reader.name();
    if (sample.name.isEmpty())
        return QStringLiteral("expected a metric name, found '%1'").arg(reader.peek());
    const qsizetype nameEnd = reader.pos();
    reader.skipSpace();
    bool separated = reader.pos() > nameEnd;
    if (reader.peek() == u'{') {
        reader.advance();
        for (;;) {
            reader.skipSpace();
            if (reader.peek() == u'}') {
                reader.advance();
                break;
            }
            if (reader.atEnd())
                return QStringLiteral("unterminated label set of %1").arg(sample.name);
            const QString label = reader.name();
            if (label.isEmpty() || label.contains(u':'))
                return QStringLiteral("invalid label name at '%1' in %2").arg(reader.peek()).arg(sample.name);
            reader.skipSpace();
            if (reader.peek() != u'=')
                return QStringLiteral("expected '=' after label %1 of %2").arg(label, sample.name);
            reader.advance();
            reader.skipSpace();
            QString error;
            const std::optional<QString> value = reader.quoted(&error);
            if (!value)
                return error + QStringLiteral(" (label %1 of %2)").arg(label, sample.name);
            if (sample.labels.contains(label))
                return QStringLiteral("label %1 twice in %2").arg(label, sample.name);
            sample.labels.insert(label, *value);
            reader.skipSpace();
            if (reader.atEnd())
                return QStringLiteral("unterminated label set of %1").arg(sample.name);
            if (reader.peek() == u',')
                reader.advance();
            else if (reader.peek() != u'}')
                return QStringLiteral("expected ',' or '}' after label %1 of %2").arg(label, sample.name);
        }
        separated = isSpace(reader.peek());
    }
    if (!reader.atEnd() && !separated)
        return QStringLiteral("invalid character '%1' after %2").arg(reader.peek()).arg(sample.name);
    reader.skipSpace();
    if (reader.atEnd())
        return QStringLiteral("missing value of %1").arg(sample.name);
    const QStringView valueText = reader.token();
    const std::optional<double> value = ExpositionParser::parseValue(valueText);
    if (!value)
        return QStringLiteral("invalid value \"%1\" of %2").arg(valueText.toString(), sample.name);
    sample.value = *value;
    reader.skipSpace();
    if (!reader.atEnd()) {
        const QStringView stampText = reader.token();
        bool ok = false;
        const qint64 stamp = stampText.toLongLong(&ok);
        if (!ok)
            return QStringLiteral("invalid timestamp \"%1\" of %2").arg(stampText.toString(), sample.name);
        sample.timestampMs = stamp;
        reader.skipSpace();
        if (!reader.atEnd())
            return QStringLiteral("unexpected text \"%1\" after the timestamp of %2").arg(reader.rest(), sample.name);
    }
    builder.family(builder.familyOf(sample.name)).samples.append(sample);
    return {};
}

} // namespace

const ExpositionFamily *Exposition::family(const QString &name) const
{
    for (const ExpositionFamily &family : families) {
        if (family.name == name)
            return &family;
    }
    return nullptr;
}

qsizetype Exposition::sampleCount() const
{
    qsizetype count = 0;
    for (const ExpositionFamily &family : families)
        count += family.samples.size();
    return count;
}

QHash<QString, QStringList> Exposition::labelNamesByFamily() const
{
    QHash<QString, QStringList> result;
    for (const ExpositionFamily &family : families) {
        QStringList names;
        for (const ExpositionSample &sample : family.samples) {
            for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it) {
                if (!names.contains(it.key()))
                    names.append(it.key());
            }
        }
        if (!family.samples.isEmpty())
            result.insert(family.name, names);
    }
    return result;
}

QStringList Exposition::familyNames() const
{
    QStringList names;
    for (const ExpositionFamily &family : families) {
        if (!family.samples.isEmpty())
            names.append(family.name);
    }
    return names;
}

std::optional<double> ExpositionParser::parseValue(QStringView text)
{
    // Go's ParseFloat, which the exporters' clients mirror, accepts these spellings.
    if (text == u"NaN" || text == u"nan")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf" || text == u"Inf" || text == u"+inf" || text == u"inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf" || text == u"-inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

Core::Result<Exposition> ExpositionParser::parse(QByteArrayView text, const QString &where, Mode mode)
{
    Builder builder;
    Exposition exposition;
    const QString all = QString::fromUtf8(text);
    int lineNumber = 0;
    for (QStringView line : QStringView(all).split(u'\n')) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QString error
            = trimmed.startsWith(u'#') ? parseComment(trimmed, builder) : parseSample(trimmed, lineNumber, builder);
        if (error.isEmpty())
            continue;
        Core::Error failure;
        failure.kind = Core::Error::Kind::Parse;
        failure.where = QStringLiteral("%1:%2").arg(where).arg(lineNumber);
        failure.message = error;
        if (mode == Mode::Strict)
            return failure;
        exposition.errors.append(failure);
    }
    exposition.families = std::move(builder.families);
    return exposition;
}

Core::Result<Exposition> ExpositionParser::parseFile(const QString &path, Mode mode)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Core::Error error;
        error.kind = Core::Error::Kind::Config;
        error.where = path;
        error.message = file.errorString();
        return error;
    }
    return parse(file.readAll(), path, mode);
}

} // namespace Specula::Prom
