// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/sriovdeviceconfig.h"

#include "kube/jsonreader.h"

#include <QJsonDocument>
#include <algorithm>

namespace Specula::Kube {

using namespace JsonRead;

namespace {

// The plugin decodes with Go's encoding/json, which matches keys case-insensitively, and the
// SR-IOV operator relies on it: it writes "IsRdma" and "NeedVhostNet". Keys are brought to the
// documented spelling first.
QJsonObject canonicalKeys(const QJsonObject &s)
{
    static const QLatin1String known[]
        = { QLatin1String("vendors"),      QLatin1String("devices"), QLatin1String("drivers"),
            QLatin1String("pciAddresses"), QLatin1String("pfNames"), QLatin1String("rootDevices"),
            QLatin1String("linkTypes"),    QLatin1String("isRdma") };
    QJsonObject canonical;
    for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
        QString key = it.key();
        for (QLatin1String name : known) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                key = name;
                break;
            }
        }
        canonical.insert(key, it.value());
    }
    return canonical;
}

SriovDpSelector readSelector(Reader &r, const QJsonObject &original, const Path &p)
{
    const QJsonObject s = canonicalKeys(original);
    SriovDpSelector selector;
    selector.vendors = r.strings(s, QLatin1String("vendors"), p);
    selector.devices = r.strings(s, QLatin1String("devices"), p);
    selector.drivers = r.strings(s, QLatin1String("drivers"), p);
    selector.pciAddresses = r.strings(s, QLatin1String("pciAddresses"), p);
    selector.pfNames = r.strings(s, QLatin1String("pfNames"), p);
    selector.rootDevices = r.strings(s, QLatin1String("rootDevices"), p);
    selector.linkTypes = r.strings(s, QLatin1String("linkTypes"), p);
    if (s.contains(QLatin1String("isRdma")))
        selector.isRdma = r.boolean(s, QLatin1String("isRdma"), p);
    return selector;
}

} // namespace

Core::Result<QList<SriovDpResource>> parseSriovDeviceConfig(const QByteArray &json, const QString &where)
{
    auto error = [&](const QString &message) {
        return Core::Error { Core::Error::Kind::Parse, message, where, 0, {} };
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(invalidJsonMessage(json, parseError));
    if (!document.isObject())
        return error(QStringLiteral("expected a JSON object with \"resourceList\""));
    QList<SriovDpResource> resources;
    Reader r;
    r.forEachObject(
        document.object(), QLatin1String("resourceList"), Path {}, [&](const QJsonObject &o, const Path &p) {
            SriovDpResource resource;
            resource.resourceName = r.str(o, QLatin1String("resourceName"), p);
            resource.resourcePrefix = r.str(o, QLatin1String("resourcePrefix"), p);
            resource.deviceType = r.str(o, QLatin1String("deviceType"), p);
            if (resource.deviceType.isEmpty())
                resource.deviceType = QStringLiteral("netDevice");
            const QJsonValue selectors = o.value(QLatin1String("selectors"));
            const Path sp = p.child(QLatin1String("selectors"));
            if (selectors.isObject()) {
                resource.selectors.append(readSelector(r, selectors.toObject(), sp));
            } else if (selectors.isArray()) {
                r.forEachObject(o, QLatin1String("selectors"), p, [&](const QJsonObject &s, const Path &ip) {
                    resource.selectors.append(readSelector(r, s, ip));
                });
            } else if (!selectors.isUndefined() && !selectors.isNull()) {
                r.wrongType(sp, selectors, "an object or an array of objects");
            }
            resources.append(std::move(resource));
        });
    if (r.failed())
        return error(r.error);
    return resources;
}

QList<SriovDeviceConfigEntry> sriovDeviceConfigsOf(const ConfigMap &configMap)
{
    if (configMap.meta.name != QLatin1String("sriovdp-config")
        && configMap.meta.name != QLatin1String("device-plugin-config"))
        return {};
    const QString object = QStringLiteral("ConfigMap ")
        + (configMap.meta.namespaceName.isEmpty()
               ? configMap.meta.name
               : configMap.meta.namespaceName + QLatin1Char('/') + configMap.meta.name);
    QStringList keys = configMap.data.keys();
    std::sort(keys.begin(), keys.end());
    QList<SriovDeviceConfigEntry> entries;
    for (const QString &key : std::as_const(keys)) {
        SriovDeviceConfigEntry entry;
        entry.key = key;
        if (key != QLatin1String("config.json"))
            entry.nodeName = key;
        auto parsed = parseSriovDeviceConfig(configMap.data.value(key).toUtf8(), object + QLatin1Char(' ') + key);
        if (parsed)
            entry.resources = std::move(parsed).value();
        else
            entry.error = parsed.error();
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace Specula::Kube
