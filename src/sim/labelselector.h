// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sim/scenario.h"

namespace Specula::Sim {

// A parsed labelSelector: =, ==, !=, in, notin, key (exists) and !key, joined by commas.
class LabelSelector
{
public:
    static Core::Result<LabelSelector> parse(const QString &text);
    bool matches(const StringMap &labels) const;
    bool isEmpty() const { return m_requirements.isEmpty(); }

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Op op;
        QStringList values;
    };
    QList<Requirement> m_requirements;
};

} // namespace Specula::Sim
