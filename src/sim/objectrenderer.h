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
    // Adds uid, creationTimestamp and apiVersion/kind defaults to an object given in full, turns `!ago N`
    // times into timestamps and fills in the uids of the objects it refers to (event involvedObject, claim
    // reservedFor, ownerReferences), which are derived from kind, namespace and name like every uid here.
    QJsonObject complete(QJsonObject object, const QString &apiVersion, const QString &kind) const;
    // The scheduler's event for a pod that fits nowhere, seen `count` times since the pod was created.
    QJsonObject failedSchedulingEvent(const PodDesc &pod) const;
    static QString failedSchedulingEventName(const PodDesc &pod);

    QString uid(const QString &kind, const QString &ns, const QString &name) const;
    QString timestamp(qint64 ageSeconds) const;
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &now) { m_now = now; }
    // Labels, annotations, resource lists: a string map as a JSON object.
    static QJsonObject jsonObject(const StringMap &map);

private:
    QJsonValue resolveTimes(const QJsonValue &value) const;

    quint64 m_seed;
    QDateTime m_now;
};

} // namespace Specula::Sim
