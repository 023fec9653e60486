// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/scenario.h"

#include <QDateTime>
#include <QJsonObject>

namespace Specula::Sim {

// Turns the compact descriptions into objects shaped as the real API serialises them.
class ObjectRenderer
{
public:
    ObjectRenderer(quint64 seed, QDateTime now);

    QJsonObject node(const NodeDesc &node) const;
    QJsonObject pod(const PodDesc &pod) const;
    // Adds uid, creationTimestamp and apiVersion/kind defaults to an object given in full.
    QJsonObject complete(QJsonObject object, const QString &apiVersion, const QString &kind) const;
    QJsonObject failedSchedulingEvent(const PodDesc &pod, const QString &podUid, int sequence) const;

    QString uid(const QString &kind, const QString &ns, const QString &name) const;
    QString timestamp(qint64 ageSeconds) const;
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &now) { m_now = now; }
    // Labels, annotations, resource lists: a string map as a JSON object.
    static QJsonObject jsonObject(const StringMap &map);

private:
    quint64 m_seed;
    QDateTime m_now;
};

} // namespace Specula::Sim
