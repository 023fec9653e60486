// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/tableformat.h"

#include "sim/objectstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Specula::Sim {

namespace {

QJsonObject column(const QString &name, const QString &type, const QString &description, int priority = 0,
                   const QString &format = {})
{
    return { { u"name"_qs, name },
             { u"type"_qs, type },
             { u"format"_qs, format },
             { u"description"_qs, description },
             { u"priority"_qs, priority } };
}

QString ageOf(const QString &timestamp, qint64 nowMs)
{
    const QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    return time.isValid() ? TableFormat::humanAge((nowMs - time.toMSecsSinceEpoch()) / 1000) : u"<unknown>"_qs;
}

} // namespace

QString TableFormat::humanAge(qint64 seconds)
{
    if (seconds < 0)
        return u"<invalid>"_qs;
    if (seconds < 120)
        return QString::number(seconds) + u's';
    const qint64 minutes = seconds / 60;
    if (minutes < 10)
        return seconds % 60 == 0 ? QString::number(minutes) + u'm' : u"%1m%2s"_qs.arg(minutes).arg(seconds % 60);
    if (minutes < 180)
        return QString::number(minutes) + u'm';
    const qint64 hours = seconds / 3600;
    if (hours < 8)
        return minutes % 60 == 0 ? QString::number(hours) + u'h' : u"%1h%2m"_qs.arg(hours).arg(minutes % 60);
    if (hours < 48)
        return QString::number(hours) + u'h';
    if (hours < 192)
        return hours % 24 == 0 ? QString::number(hours / 24) + u'd' : u"%1d%2h"_qs.arg(hours / 24).arg(hours % 24);
    if (hours < 24 * 365 * 2)
        return QString::number(hours / 24) + u'd';
    return u"%1y%2d"_qs.arg(hours / 24 / 365).arg(hours / 24 % 365);
}

QByteArray TableFormat::header(const ResourceType &type)
{
    const QString nameDescription
        = u"Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"_qs;
    const QString ageDescription
        = u"CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"_qs;
    if (type.plural == u"events") {
        // No NAME column first: kubectl get events shows LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
        const QJsonArray columns {
            column(u"Last Seen"_qs, u"string"_qs,
                   u"The time at which the most recent occurrence of this event was recorded."_qs),
            column(u"Type"_qs, u"string"_qs,
                   u"Type of this event (Normal, Warning), new types could be added in the future"_qs),
            column(
                u"Reason"_qs, u"string"_qs,
                u"This should be a short, machine understandable string that gives the reason for the transition into the object's current status."_qs),
            column(u"Object"_qs, u"string"_qs, u"The object that this event is about."_qs),
            column(u"Subobject"_qs, u"string"_qs, u"The part of the object that this event is about."_qs, 1),
            column(u"Source"_qs, u"string"_qs,
                   u"The component reporting this event. Should be a short machine understandable string."_qs, 1),
            column(u"Message"_qs, u"string"_qs, u"A human-readable description of the status of this operation."_qs),
            column(u"First Seen"_qs, u"string"_qs,
                   u"The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"_qs, 1),
            column(u"Count"_qs, u"string"_qs, u"The number of times this event has occurred."_qs, 1),
            column(u"Name"_qs, u"string"_qs, nameDescription, 1, u"name"_qs),
        };
        return QJsonDocument(columns).toJson(QJsonDocument::Compact);
    }
    QJsonArray columns { column(u"Name"_qs, u"string"_qs, nameDescription, 0, u"name"_qs) };
    if (type.plural == u"nodes") {
        columns.append(column(u"Status"_qs, u"string"_qs, u"The status of the node"_qs));
        columns.append(column(u"Roles"_qs, u"string"_qs, u"The roles of the node"_qs));
        columns.append(column(u"Age"_qs, u"string"_qs, ageDescription));
        columns.append(column(u"Version"_qs, u"string"_qs, u"Kubelet Version reported by the node."_qs));
        columns.append(column(u"Internal-IP"_qs, u"string"_qs, u"List of internal IPs in the node."_qs, 1));
        columns.append(column(u"External-IP"_qs, u"string"_qs, u"List of external IPs in the node."_qs, 1));
        columns.append(
            column(u"OS-Image"_qs, u"string"_qs,
                   u"OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."_qs, 1));
        columns.append(column(u"Kernel-Version"_qs, u"string"_qs,
                              u"Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."_qs,
                              1));
        columns.append(column(
            u"Container-Runtime"_qs, u"string"_qs,
            u"ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."_qs,
            1));
    } else if (type.plural == u"pods") {
        columns.append(
            column(u"Ready"_qs, u"string"_qs, u"The aggregate readiness state of this pod for accepting traffic."_qs));
        columns.append(column(u"Status"_qs, u"string"_qs, u"The aggregate status of the containers in this pod."_qs));
        columns.append(column(
            u"Restarts"_qs, u"string"_qs,
            u"The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."_qs));
        columns.append(column(u"Age"_qs, u"string"_qs, ageDescription));
        columns.append(column(
            u"IP"_qs, u"string"_qs,
            u"IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."_qs,
            1));
        columns.append(column(u"Node"_qs, u"string"_qs,
                              u"NodeName is a request to schedule this pod onto a specific node."_qs, 1));
        columns.append(column(u"Nominated Node"_qs, u"string"_qs,
                              u"nominatedNodeName is set only when this pod preempts other pods on the node."_qs, 1));
        columns.append(column(u"Readiness Gates"_qs, u"string"_qs,
                              u"If specified, all readiness gates will be evaluated for pod readiness."_qs, 1));
    } else if (type.plural == u"configmaps") {
        columns.append(column(u"Data"_qs, u"integer"_qs, u"Data contains the configuration data."_qs));
        columns.append(column(u"Age"_qs, u"string"_qs, ageDescription));
    } else if (type.plural == u"resourceslices") {
        columns.append(column(u"Node"_qs, u"string"_qs,
                              u"NodeName identifies the node which provides the resources in this pool."_qs));
        columns.append(column(u"Driver"_qs, u"string"_qs,
                              u"Driver identifies the DRA driver providing the capacity information."_qs));
        columns.append(
            column(u"Pool"_qs, u"string"_qs, u"Pool describes the pool that this ResourceSlice belongs to."_qs));
        columns.append(column(u"Age"_qs, u"string"_qs, ageDescription));
    } else if (type.plural == u"resourceclaims") {
        columns.append(column(u"State"_qs, u"string"_qs,
                              u"A summary of the current state (allocated, pending, reserved, etc.)."_qs));
        columns.append(column(u"Age"_qs, u"string"_qs, ageDescription));
    } else if (type.plural == u"sriovnetworknodestates") {
        columns.append(column(u"Sync Status"_qs, u"string"_qs, {}));
        columns.append(column(u"Desired Sync State"_qs, u"string"_qs, {}));
        columns.append(column(u"Current Sync State"_qs, u"string"_qs, {}));
        columns.append(column(u"Age"_qs, u"date"_qs, {}));
    } else {
        columns.append(column(u"Age"_qs, u"string"_qs, ageDescription));
    }
    return QJsonDocument(columns).toJson(QJsonDocument::Compact);
}

QByteArray TableFormat::row(const ResourceType &type, const StoredObject &object, const QString &includeObject)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString age = humanAge((nowMs - object.createdMs) / 1000);
    QJsonArray cells;
    if (type.plural == u"events") {
        // Cells 0 and 7 are the last and first times.
        cells = object.cells;
        if (cells.size() > 7) {
            cells[0] = ageOf(cells.at(0).toString(), nowMs);
            cells[7] = ageOf(cells.at(7).toString(), nowMs);
        }
    } else if (type.plural == u"nodes") {
        cells = { object.name, object.cells.at(0), object.cells.at(1), age };
        for (const QJsonValue &v : object.wideCells)
            cells.append(v);
    } else {
        cells.append(object.name);
        for (const QJsonValue &v : object.cells)
            cells.append(v);
        cells.append(age);
        for (const QJsonValue &v : object.wideCells)
            cells.append(v);
    }
    QByteArray row = "{\"cells\":" + QJsonDocument(cells).toJson(QJsonDocument::Compact);
    if (includeObject == u"Object")
        row += ",\"object\":" + object.json;
    else if (includeObject != u"None")
        row += ",\"object\":{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":"
            + object.metadataJson + '}';
    return row + '}';
}

} // namespace Specula::Sim
