// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QMap>
#include <QStringList>

namespace Specula::Kube {

// A parsed label selector as kubectl and the API server read it: =, ==, !=, in, notin, key
// (exists) and !key, joined by commas. Parse errors read like the API server's.
class LabelSelector
{
public:
    static Core::Result<LabelSelector> parse(const QString &text);
    bool matches(const QMap<QString, QString> &labels) const;
    bool isEmpty() const { return m_requirements.isEmpty(); }
    friend bool operator==(const LabelSelector &, const LabelSelector &) = default;

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Op op;
        QStringList values;
        friend bool operator==(const Requirement &, const Requirement &) = default;
    };

    QList<Requirement> m_requirements;
};

} // namespace Specula::Kube
