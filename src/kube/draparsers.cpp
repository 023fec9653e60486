// SPDX-License-Identifier: GPL-3.0-or-later
// Dynamic Resource Allocation (resource.k8s.io): ResourceSlice and ResourceClaim, in the v1,
// v1beta2 and v1beta1 shapes.
#include "kube/jsonreader.h"
#include "kube/resourceparsers.h"

namespace Specula::Kube {

using namespace JsonRead;

namespace {

// DeviceAttribute: exactly one of int, bool, string, version. Kept as text so that the views
// show them without knowing each driver's schema.
void readAttributes(Reader &r, const QJsonObject &device, const Path &parent, StringMap &out)
{
    const QJsonObject attributes = r.object(device, QLatin1String("attributes"), parent);
    const Path p = parent.child(QLatin1String("attributes"));
    for (auto it = attributes.constBegin(); it != attributes.constEnd() && !r.failed(); ++it) {
        const QJsonValue v = it.value();
        if (!v.isObject()) {
            r.fail(p, QStringLiteral("\"%1\": expected an object, got %2").arg(it.key(), typeName(v)));
            return;
        }
        const QJsonObject a = v.toObject();
        QString text;
        bool found = false;
        if (const QJsonValue i = a.value(QLatin1String("int")); !i.isUndefined()) {
            found = true;
            const double d = i.toDouble();
            if (!i.isDouble() || d != double(qint64(d))) {
                r.fail(p, QStringLiteral("\"%1\".int: expected an integer, got %2").arg(it.key(), typeName(i)));
                return;
            }
            text = QString::number(qint64(d));
        } else if (const QJsonValue b = a.value(QLatin1String("bool")); !b.isUndefined()) {
            found = true;
            if (!b.isBool()) {
                r.fail(p, QStringLiteral("\"%1\".bool: expected a boolean, got %2").arg(it.key(), typeName(b)));
                return;
            }
            text = b.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        } else {
            for (QLatin1String key : { QLatin1String("string"), QLatin1String("version") }) {
                const QJsonValue s = a.value(key);
                if (s.isUndefined())
                    continue;
                found = true;
                if (!s.isString()) {
                    r.fail(p, QStringLiteral("\"%1\".%2: expected a string, got %3").arg(it.key(), key, typeName(s)));
                    return;
                }
                text = s.toString();
                break;
            }
        }
        if (!found) {
            r.fail(p, QStringLiteral("\"%1\": none of int, bool, string or version is set").arg(it.key()));
            return;
        }
        out.insert(it.key(), text);
    }
}

// DeviceCapacity: {"value": "80Gi"}.
void readCapacity(Reader &r, const QJsonObject &device, const Path &parent, QHash<QString, Core::Quantity> &out)
{
    const QJsonObject capacity = r.object(device, QLatin1String("capacity"), parent);
    const Path p = parent.child(QLatin1String("capacity"));
    for (auto it = capacity.constBegin(); it != capacity.constEnd() && !r.failed(); ++it) {
        const QJsonValue v = it.value();
        if (!v.isObject()) {
            r.fail(p, QStringLiteral("\"%1\": expected an object, got %2").arg(it.key(), typeName(v)));
            return;
        }
        const QJsonValue value = v.toObject().value(QLatin1String("value"));
        std::optional<Core::Quantity> q;
        if (value.isString())
            q = Core::Quantity::parse(value.toString());
        else if (value.isDouble())
            q = Core::Quantity::parse(QString::number(value.toDouble(), 'g', 17));
        if (!q) {
            r.fail(
                p,
                QStringLiteral("\"%1\".value: not a quantity: %2")
                    .arg(it.key(),
                         value.isString() ? QLatin1Char('"') + value.toString() + QLatin1Char('"') : typeName(value)));
            return;
        }
        out.insert(it.key(), *q);
    }
}

} // namespace

Core::Result<ResourceSlice> ResourceParsers::parseResourceSlice(const QJsonObject &o)
{
    Reader r;
    ResourceSlice slice;
    slice.meta = r.meta(o);
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    slice.driver = r.str(spec, QLatin1String("driver"), kSpec);
    slice.nodeName = r.str(spec, QLatin1String("nodeName"), kSpec);
    const Path poolPath = kSpec.child(QLatin1String("pool"));
    slice.poolName = r.str(r.object(spec, QLatin1String("pool"), kSpec), QLatin1String("name"), poolPath);
    r.forEachObject(spec, QLatin1String("devices"), kSpec, [&](const QJsonObject &d, const Path &p) {
        DraDevice device;
        device.name = r.str(d, QLatin1String("name"), p);
        // v1beta1 nests the fields under "basic"; v1beta2 and v1 put them on the device.
        const bool nested = d.contains(QLatin1String("basic"));
        const Path basicPath = p.child(QLatin1String("basic"));
        const QJsonObject body = nested ? r.object(d, QLatin1String("basic"), p) : d;
        const Path &bodyPath = nested ? basicPath : p;
        readAttributes(r, body, bodyPath, device.attributes);
        readCapacity(r, body, bodyPath, device.capacity);
        slice.devices.append(std::move(device));
    });
    return finish(r, "ResourceSlice", std::move(slice));
}

Core::Result<ResourceClaim> ResourceParsers::parseResourceClaim(const QJsonObject &o)
{
    Reader r;
    ResourceClaim claim;
    claim.meta = r.meta(o);
    const QJsonObject status = r.object(o, QLatin1String("status"), {});
    const Path allocationPath = kStatus.child(QLatin1String("allocation"));
    const Path devicesPath = allocationPath.child(QLatin1String("devices"));
    const QJsonObject devices
        = r.object(r.object(status, QLatin1String("allocation"), kStatus), QLatin1String("devices"), allocationPath);
    r.forEachObject(devices, QLatin1String("results"), devicesPath, [&](const QJsonObject &a, const Path &p) {
        claim.allocations.append(
            DraAllocation { r.str(a, QLatin1String("request"), p), r.str(a, QLatin1String("driver"), p),
                            r.str(a, QLatin1String("pool"), p), r.str(a, QLatin1String("device"), p) });
    });
    r.forEachObject(status, QLatin1String("reservedFor"), kStatus, [&](const QJsonObject &c, const Path &p) {
        claim.reservedFor.append(DraConsumer { r.str(c, QLatin1String("resource"), p),
                                               r.str(c, QLatin1String("name"), p), r.str(c, QLatin1String("uid"), p) });
    });
    return finish(r, "ResourceClaim", std::move(claim));
}

} // namespace Specula::Kube
