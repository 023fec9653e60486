// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/networkstatus.h"

#include "kube/jsonreader.h"

#include <QJsonDocument>

namespace Specula::Kube {

using namespace JsonRead;

namespace {

const QString kNetworkStatus = QStringLiteral("k8s.v1.cni.cncf.io/network-status");
const QString kNetworksStatus = QStringLiteral("k8s.v1.cni.cncf.io/networks-status");

Core::Result<QList<NetworkStatusEntry>> parse(const QByteArray &json, const QString &where, const QString &prefix)
{
    auto error = [&](const QString &message) {
        return Core::Error { Core::Error::Kind::Parse, prefix + message, where, 0, {} };
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(invalidJsonMessage(json, parseError));
    if (!document.isArray())
        return error(QStringLiteral("expected a JSON array, got %1")
                         .arg(document.isObject() ? QStringLiteral("an object") : QStringLiteral("null")));
    const QJsonArray array = document.array();
    QList<NetworkStatusEntry> entries;
    entries.reserve(array.size());
    Reader r;
    const Path root;
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        const Path p = root.at(i);
        if (!array.at(i).isObject()) {
            r.wrongType(p, array.at(i), "an object");
            break;
        }
        const QJsonObject o = array.at(i).toObject();
        NetworkStatusEntry entry;
        entry.name = r.str(o, QLatin1String("name"), p);
        entry.interfaceName = r.str(o, QLatin1String("interface"), p);
        entry.ips = r.strings(o, QLatin1String("ips"), p);
        entry.mac = r.str(o, QLatin1String("mac"), p);
        entry.isDefault = r.boolean(o, QLatin1String("default"), p);
        const Path infoPath = p.child(QLatin1String("device-info"));
        const QJsonObject info = r.object(o, QLatin1String("device-info"), p);
        entry.deviceType = r.str(info, QLatin1String("type"), infoPath);
        // pci and vdpa devices both carry their addresses in an object named after the type;
        // "version" is left out because real plugins omit it.
        for (QLatin1String kind : { QLatin1String("pci"), QLatin1String("vdpa") }) {
            if (!info.contains(kind))
                continue;
            const Path devicePath = infoPath.child(kind);
            const QJsonObject device = r.object(info, kind, infoPath);
            entry.pciAddress = r.str(device, QLatin1String("pci-address"), devicePath);
            entry.pfPciAddress = r.str(device, QLatin1String("pf-pci-address"), devicePath);
            entry.rdmaDevice = r.str(device, QLatin1String("rdma-device"), devicePath);
            break;
        }
        entries.append(std::move(entry));
    }
    if (r.failed())
        return error(r.error);
    return entries;
}

} // namespace

Core::Result<QList<NetworkStatusEntry>> parseNetworkStatusJson(const QByteArray &json, const QString &where)
{
    return parse(json, where, {});
}

bool hasNetworkStatus(const ObjectMeta &meta)
{
    return meta.annotations.contains(kNetworkStatus) || meta.annotations.contains(kNetworksStatus);
}

Core::Result<QList<NetworkStatusEntry>> parseNetworkStatus(const ObjectMeta &meta)
{
    const QString *key = &kNetworkStatus;
    auto it = meta.annotations.constFind(kNetworkStatus);
    if (it == meta.annotations.constEnd()) {
        key = &kNetworksStatus;
        it = meta.annotations.constFind(kNetworksStatus);
    }
    if (it == meta.annotations.constEnd())
        return QList<NetworkStatusEntry> {};
    QString where = meta.namespaceName.isEmpty() ? meta.name : meta.namespaceName + QLatin1Char('/') + meta.name;
    where = QStringLiteral("Pod ") + (where.isEmpty() ? QStringLiteral("(unnamed)") : where);
    return parse(it.value().toUtf8(), where, QStringLiteral("annotation ") + *key + QStringLiteral(": "));
}

} // namespace Specula::Kube
