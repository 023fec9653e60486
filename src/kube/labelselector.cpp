// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/labelselector.h"

#include <QRegularExpression>

namespace Specula::Kube {

namespace {

// Commas inside "in (a,b)" do not separate requirements.
QStringList splitRequirements(const QString &text)
{
    QStringList parts;
    QString current;
    int depth = 0;
    for (QChar c : text) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        if (c == u',' && depth == 0) {
            parts.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty())
        parts.append(current.trimmed());
    return parts;
}

} // namespace

Core::Result<LabelSelector> LabelSelector::parse(const QString &text)
{
    LabelSelector selector;
    static const QRegularExpression setPattern(QStringLiteral("^([A-Za-z0-9._/-]+)\\s+(in|notin)\\s*\\(([^)]*)\\)$"));
    static const QRegularExpression opPattern(QStringLiteral("^([A-Za-z0-9._/-]+)\\s*(==|!=|=)\\s*([A-Za-z0-9._-]*)$"));
    static const QRegularExpression keyPattern(QStringLiteral("^(!?)\\s*([A-Za-z0-9._/-]+)$"));
    for (const QString &part : splitRequirements(text)) {
        if (part.isEmpty()) {
            Core::Error error;
            error.kind = Core::Error::Kind::Http;
            error.message = u"unable to parse requirement: found ',', expected: identifier"_qs;
            return error;
        }
        if (const auto m = setPattern.match(part); m.hasMatch()) {
            QStringList values;
            for (const QString &v : m.captured(3).split(u','))
                values.append(v.trimmed());
            selector.m_requirements.append({ m.captured(1), m.captured(2) == u"in" ? Op::In : Op::NotIn, values });
        } else if (const auto m = opPattern.match(part); m.hasMatch()) {
            selector.m_requirements.append(
                { m.captured(1), m.captured(2) == u"!=" ? Op::NotEquals : Op::Equals, { m.captured(3) } });
        } else if (const auto m = keyPattern.match(part); m.hasMatch()) {
            selector.m_requirements.append(
                { m.captured(2), m.captured(1).isEmpty() ? Op::Exists : Op::DoesNotExist, {} });
        } else {
            Core::Error error;
            error.kind = Core::Error::Kind::Http;
            error.message
                = u"unable to parse requirement: <nil>: Invalid value: \"%1\": invalid label selector"_qs.arg(part);
            return error;
        }
    }
    return selector;
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    for (const Requirement &r : m_requirements) {
        const auto it = labels.constFind(r.key);
        const bool has = it != labels.cend();
        switch (r.op) {
        case Op::Equals:
        case Op::In:
            if (!has || !r.values.contains(*it))
                return false;
            break;
        case Op::NotEquals:
        case Op::NotIn:
            if (has && r.values.contains(*it))
                return false;
            break;
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        }
    }
    return true;
}

} // namespace Specula::Kube
