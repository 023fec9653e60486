// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/detailshtml.h"

#include "model/resourcetext.h"

#include <algorithm>

namespace Specula::Views {
namespace {

using Model::ResourceText;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString dash()
{
    return QStringLiteral("–");
}

template<class T> QString orDash(const std::optional<T> &value)
{
    return value ? QString::number(*value) : dash();
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? dash() : esc(text);
}

QString heading(const QString &title, const QString &subtitle = {})
{
    QString html = QStringLiteral("<h3>") + esc(title) + QStringLiteral("</h3>");
    if (!subtitle.isEmpty())
        html += QStringLiteral("<p>") + esc(subtitle) + QStringLiteral("</p>");
    return html;
}

QString section(const QString &title)
{
    return QStringLiteral("<h4>") + esc(title) + QStringLiteral("</h4>");
}

// A two-column table of labels and values; values are HTML already.
class Fields
{
public:
    Fields &add(const QString &label, const QString &valueHtml)
    {
        m_html += QStringLiteral("<tr><th align=\"left\" valign=\"top\">") + esc(label) + QStringLiteral("</th><td>")
            + valueHtml + QStringLiteral("</td></tr>");
        return *this;
    }
    QString html() const
    {
        return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">") + m_html + QStringLiteral("</table>");
    }

private:
    QString m_html;
};

// A table with a header row; cells are HTML already.
class Table
{
public:
    // Cells of `whole` columns never wrap (PCI addresses, UUIDs, MACs); the others wrap so
    // that the table fits the panel.
    explicit Table(const QStringList &headers, std::initializer_list<int> whole = {})
        : m_whole(whole)
    {
        // Grey borders read on light and dark palettes.
        m_html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "style=\"border-collapse: collapse; border-color: gray\"><tr>");
        for (const auto &header : headers)
            m_html += QStringLiteral("<th align=\"left\">") + esc(header) + QStringLiteral("</th>");
        m_html += QStringLiteral("</tr>");
    }
    void row(const QStringList &cells)
    {
        m_html += QStringLiteral("<tr>");
        for (int column = 0; column < cells.size(); ++column) {
            m_html += m_whole.contains(column) ? QStringLiteral("<td style=\"white-space: nowrap\">")
                                               : QStringLiteral("<td>");
            m_html += cells.at(column) + QStringLiteral("</td>");
        }
        m_html += QStringLiteral("</tr>");
        ++m_rows;
    }
    QString html() const { return m_rows ? m_html + QStringLiteral("</table>") : QString(); }

private:
    QList<int> m_whole;
    QString m_html;
    int m_rows = 0;
};

QString podRefText(const Model::PodRef &pod)
{
    QString text = esc(pod.key());
    if (!pod.container.isEmpty())
        text += QStringLiteral(" (") + esc(pod.container) + QLatin1Char(')');
    return text;
}

const Model::GpuDevice *findDevice(const Model::NodeSummary &node, const QString &uuid)
{
    if (!node.gpu)
        return nullptr;
    const auto &devices = node.gpu->devices;
    const auto it = std::find_if(devices.cbegin(), devices.cend(), [&](const auto &d) { return d.uuid == uuid; });
    return it == devices.cend() ? nullptr : &*it;
}

const Model::PhysicalFunction *findPf(const Model::NodeSummary &node, const QString &pciAddress)
{
    if (!node.sriov)
        return nullptr;
    const auto &pfs = node.sriov->pfs;
    const auto it = std::find_if(pfs.cbegin(), pfs.cend(), [&](const auto &pf) { return pf.pciAddress == pciAddress; });
    return it == pfs.cend() ? nullptr : &*it;
}

QString vendorDevice(const QString &vendor, const QString &device)
{
    if (vendor.isEmpty() && device.isEmpty())
        return dash();
    return esc(vendor) + QLatin1Char(':') + esc(device);
}

} // namespace

QString DetailsHtml::cluster(const Model::ClusterSnapshot &snapshot)
{
    int gpuNodes = 0;
    int sriovNodes = 0;
    int pending = 0;
    for (const auto &node : snapshot.nodes) {
        gpuNodes += node.gpu ? 1 : 0;
        sriovNodes += node.sriov ? 1 : 0;
    }
    for (const auto &pod : snapshot.pods)
        pending += pod.pending ? 1 : 0;
    Fields fields;
    fields.add(tr("Context"), orDash(snapshot.context))
        .add(tr("Server"), orDash(snapshot.server))
        .add(tr("Nodes"), QString::number(snapshot.nodes.size()))
        .add(tr("Nodes with GPUs"), QString::number(gpuNodes))
        .add(tr("Nodes with SR-IOV"), QString::number(sriovNodes))
        .add(tr("Pods"), QString::number(snapshot.podCount))
        .add(tr("Pending pods"), QString::number(pending));
    if (snapshot.collectedAt.isValid())
        fields.add(tr("Collected"), esc(snapshot.collectedAt.toString(Qt::ISODate)));
    QString html = heading(tr("Cluster %1").arg(snapshot.context)) + fields.html();
    if (!snapshot.warnings.isEmpty()) {
        html += section(tr("Warnings")) + QStringLiteral("<ul>");
        for (const auto &warning : snapshot.warnings)
            html += QStringLiteral("<li>") + esc(warning) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    return html;
}

QString DetailsHtml::node(const Model::ClusterSnapshot &snapshot, const QString &name)
{
    const Model::NodeSummary *node = snapshot.node(name);
    if (!node)
        return {};
    QString status = node->ready ? tr("Ready") : tr("NotReady");
    if (node->unschedulable)
        status += QStringLiteral(", ") + tr("scheduling disabled");
    Fields fields;
    fields.add(tr("Status"), esc(status)).add(tr("Active pods"), QString::number(node->pods.size()));
    return heading(tr("Node %1").arg(name)) + fields.html() + gpuSection(*node) + resourcesSection(*node)
        + sriovSection(*node);
}

QString DetailsHtml::gpuSection(const Model::NodeSummary &node)
{
    if (!node.gpu)
        return {};
    const Model::NodeGpu &gpu = *node.gpu;
    Fields fields;
    fields.add(tr("Summary"), esc(ResourceText::gpuSummary(node)))
        .add(tr("Product"), orDash(gpu.product))
        .add(tr("Vendor"), orDash(gpu.vendor))
        .add(tr("Physical GPUs"), orDash(gpu.physicalCount))
        .add(tr("Memory per GPU"), gpu.memoryMiB ? esc(ResourceText::memory(*gpu.memoryMiB)) : dash());
    if (!gpu.family.isEmpty())
        fields.add(tr("Family"), esc(gpu.family));
    if (!gpu.driverVersion.isEmpty())
        fields.add(tr("Driver"), esc(gpu.driverVersion));
    fields.add(tr("MIG strategy"), esc(ResourceText::migStrategyName(gpu.migStrategy)));
    if (!gpu.migConfig.isEmpty())
        fields.add(tr("MIG configuration"),
                   esc(gpu.migConfig)
                       + (gpu.migConfigState.isEmpty()
                              ? QString()
                              : QStringLiteral(" (") + esc(gpu.migConfigState) + QLatin1Char(')')));
    fields
        .add(tr("Sharing"),
             esc(ResourceText::sharingName(gpu.sharing))
                 + (gpu.renamedShared ? QStringLiteral(" (nvidia.com/gpu.shared)") : QString()))
        .add(tr("Replicas"), QString::number(gpu.replicas));
    if (gpu.vgpu)
        fields.add(tr("vGPU"), tr("yes"));
    QString html = section(tr("GPUs")) + fields.html();

    Table profiles({ tr("MIG profile"), tr("Resource"), tr("Devices"), tr("Memory"), tr("Multiprocessors") }, { 0, 3 });
    for (const auto &profile : gpu.migProfiles)
        profiles.row({ esc(profile.profile), esc(profile.resource), orDash(profile.count),
                       profile.memoryMiB ? esc(ResourceText::memory(*profile.memoryMiB)) : dash(),
                       orDash(profile.multiprocessors) });
    if (!gpu.migProfiles.isEmpty())
        html += section(tr("MIG profiles")) + profiles.html();

    Table devices({ tr("Device"), tr("UUID"), tr("PCI bus"), tr("Pods") }, { 0, 1, 2 });
    for (const auto &device : gpu.devices) {
        QStringList pods;
        for (const auto &pod : device.pods)
            pods.append(podRefText(pod));
        const QString name = device.migProfile.isEmpty() ? (device.index ? tr("GPU %1").arg(*device.index) : tr("GPU"))
                                                         : tr("MIG %1").arg(device.migProfile);
        devices.row({ esc(name), esc(device.uuid), orDash(device.pciBusId),
                      pods.isEmpty() ? tr("free") : pods.join(QStringLiteral("<br>")) });
    }
    if (!gpu.devices.isEmpty())
        html += section(tr("Devices")) + devices.html();
    return html;
}

QString DetailsHtml::resourcesSection(const Model::NodeSummary &node)
{
    Table table({ tr("Resource"), tr("Kind"), tr("Requested"), tr("Allocatable"), tr("Free"), tr("Capacity") });
    for (const auto &r : node.resources) {
        const qint64 free = r.allocatable - r.requested;
        const QString freeText = free < 0 ? QStringLiteral("<b>%1</b>").arg(free) : QString::number(free);
        table.row({ esc(r.name), esc(ResourceText::kindName(r.kind)), QString::number(r.requested),
                    QString::number(r.allocatable), freeText, QString::number(r.capacity) });
    }
    return node.resources.isEmpty() ? QString() : section(tr("Extended resources")) + table.html();
}

QString DetailsHtml::sriovSection(const Model::NodeSummary &node)
{
    if (!node.sriov)
        return {};
    const Model::NodeSriov &sriov = *node.sriov;
    Fields fields;
    fields.add(tr("Summary"), esc(ResourceText::sriovSummary(sriov))).add(tr("Sync status"), orDash(sriov.syncStatus));
    if (!sriov.lastSyncError.isEmpty())
        fields.add(tr("Last sync error"), esc(sriov.lastSyncError));
    QString html = section(tr("SR-IOV")) + fields.html();

    Table pfs({ tr("PF"), tr("PCI"), tr("Driver"), tr("Link"), tr("VFs"), tr("In use"), tr("Pool") },
              { 0, 1, 2, 3, 4 });
    QStringList others;
    for (const auto &pf : sriov.pfs) {
        if (!pf.sriovCapable()) {
            others.append(esc(pf.name.isEmpty() ? pf.pciAddress
                                                : pf.name + QStringLiteral(" (") + pf.pciAddress + QLatin1Char(')')));
            continue;
        }
        pfs.row({ orDash(pf.name), esc(pf.pciAddress), orDash(pf.driver), esc(ResourceText::linkSpeed(pf)),
                  QString::number(pf.numVfs) + QLatin1Char('/') + orDash(pf.totalVfs),
                  QString::number(pf.allocatedVfs()), orDash(pf.resource) });
    }
    html += pfs.html();
    if (!others.isEmpty())
        html += QStringLiteral("<p>") + esc(tr("NICs without SR-IOV:")) + QLatin1Char(' ')
            + others.join(QStringLiteral(", ")) + QStringLiteral("</p>");
    return html;
}

QString DetailsHtml::gpuDevice(const Model::ClusterSnapshot &snapshot, const QString &nodeName, const QString &uuid)
{
    const Model::NodeSummary *node = snapshot.node(nodeName);
    const Model::GpuDevice *device = node ? findDevice(*node, uuid) : nullptr;
    if (!device)
        return {};
    const bool mig = !device->migProfile.isEmpty();
    Fields fields;
    fields.add(tr("UUID"), esc(device->uuid))
        .add(tr("Node"), esc(nodeName))
        .add(tr("Index"), orDash(device->index))
        .add(tr("PCI bus"), orDash(device->pciBusId))
        .add(tr("Model"), orDash(device->model.isEmpty() && node->gpu ? node->gpu->product : device->model));
    if (mig) {
        fields.add(tr("MIG profile"), esc(device->migProfile))
            .add(tr("MIG instance"), orDash(device->migInstance))
            .add(tr("Parent GPU"), orDash(device->parentUuid));
    }
    if (!device->draDriver.isEmpty())
        fields.add(tr("DRA"),
                   esc(device->draDriver) + QStringLiteral(" · ") + esc(device->draPool) + QStringLiteral(" · ")
                       + esc(device->draDevice));
    QStringList pods;
    for (const auto &pod : device->pods)
        pods.append(podRefText(pod));
    fields.add(tr("Pods"), pods.isEmpty() ? esc(tr("none: the device is free")) : pods.join(QStringLiteral("<br>")));
    const QString title = mig ? tr("MIG device %1").arg(device->migProfile)
        : device->index       ? tr("GPU %1 on %2").arg(*device->index).arg(nodeName)
                              : tr("GPU on %1").arg(nodeName);
    return heading(title) + fields.html();
}

QString DetailsHtml::gpuResource(const Model::ClusterSnapshot &snapshot, const QString &nodeName,
                                 const QString &resource)
{
    const Model::NodeSummary *node = snapshot.node(nodeName);
    const Model::NodeResource *r = node ? node->resource(resource) : nullptr;
    if (!r)
        return {};
    Fields fields;
    fields.add(tr("Node"), esc(nodeName))
        .add(tr("Kind"), esc(ResourceText::kindName(r->kind)))
        .add(tr("Requested"), QString::number(r->requested))
        .add(tr("Allocatable"), QString::number(r->allocatable))
        .add(tr("Free"), QString::number(r->allocatable - r->requested))
        .add(tr("Capacity"), QString::number(r->capacity));
    if (node->gpu) {
        for (const auto &profile : node->gpu->migProfiles) {
            if (profile.resource == resource) {
                fields.add(tr("MIG profile"), esc(profile.profile));
                if (profile.memoryMiB)
                    fields.add(tr("Memory"), esc(ResourceText::memory(*profile.memoryMiB)));
            }
        }
    }
    Table pods({ tr("Pod"), tr("Requests"), tr("Phase") });
    for (const auto &key : node->pods) {
        const Model::PodSummary *pod = snapshot.pod(key);
        if (pod && pod->requests.value(resource) > 0)
            pods.row({ esc(key), QString::number(pod->requests.value(resource)), esc(pod->phase) });
    }
    QString html = heading(resource) + fields.html();
    const QString podTable = pods.html();
    html += section(tr("Pods requesting it")) + (podTable.isEmpty() ? esc(tr("none")) : podTable);
    return html;
}

QString DetailsHtml::pf(const Model::ClusterSnapshot &snapshot, const QString &nodeName, const QString &pciAddress)
{
    const Model::NodeSummary *node = snapshot.node(nodeName);
    const Model::PhysicalFunction *pf = node ? findPf(*node, pciAddress) : nullptr;
    if (!pf)
        return {};
    Fields fields;
    fields.add(tr("Name"), orDash(pf->name))
        .add(tr("Node"), esc(nodeName))
        .add(tr("PCI"), esc(pf->pciAddress))
        .add(tr("Vendor:device"), vendorDevice(pf->vendor, pf->deviceId))
        .add(tr("Driver"), orDash(pf->driver))
        .add(tr("Link"),
             esc(ResourceText::linkSpeed(*pf))
                 + (pf->linkType.isEmpty() ? QString() : QStringLiteral(" · ") + esc(pf->linkType)))
        .add(tr("MTU"), orDash(pf->mtu))
        .add(tr("VFs"), QString::number(pf->numVfs) + QLatin1Char('/') + orDash(pf->totalVfs))
        .add(tr("VFs in use"), QString::number(pf->allocatedVfs()))
        .add(tr("Pool"), orDash(pf->resource));
    Table vfs({ tr("VF"), tr("PCI"), tr("Driver"), tr("VLAN"), tr("MAC"), tr("Pod") }, { 1, 4 });
    for (const auto &vf : pf->vfs) {
        const QString holder = vf.pod ? esc(vf.pod->key())
                + (vf.podInterface.isEmpty() ? QString()
                                             : QStringLiteral(" (") + esc(vf.podInterface) + QLatin1Char(')'))
                                      : esc(tr("free"));
        vfs.row({ QString::number(vf.vfId), esc(vf.pciAddress), orDash(vf.driver), orDash(vf.vlan), orDash(vf.mac),
                  holder });
    }
    return heading(tr("Physical function %1").arg(pf->name.isEmpty() ? pf->pciAddress : pf->name)) + fields.html()
        + vfs.html();
}

QString DetailsHtml::vf(const Model::ClusterSnapshot &snapshot, const QString &nodeName, const QString &pciAddress)
{
    const Model::NodeSummary *node = snapshot.node(nodeName);
    if (!node || !node->sriov)
        return {};
    for (const auto &pf : node->sriov->pfs) {
        for (const auto &vf : pf.vfs) {
            if (vf.pciAddress != pciAddress)
                continue;
            Fields fields;
            fields.add(tr("VF id"), QString::number(vf.vfId))
                .add(tr("PCI"), esc(vf.pciAddress))
                .add(tr("Physical function"),
                     esc(pf.name.isEmpty() ? pf.pciAddress
                                           : pf.name + QStringLiteral(" (") + pf.pciAddress + QLatin1Char(')')))
                .add(tr("Node"), esc(nodeName))
                .add(tr("Name"), orDash(vf.name))
                .add(tr("Driver"), orDash(vf.driver))
                .add(tr("Device id"), orDash(vf.deviceId))
                .add(tr("VLAN"), orDash(vf.vlan))
                .add(tr("MAC"), orDash(vf.mac))
                .add(tr("Pool"), orDash(pf.resource));
            if (vf.pod) {
                fields.add(tr("Held by"), esc(vf.pod->key()))
                    .add(tr("Interface"), orDash(vf.podInterface))
                    .add(tr("Network"), orDash(vf.network));
            } else {
                fields.add(tr("Held by"), esc(tr("nobody: the VF is free")));
            }
            return heading(tr("VF %1 of %2").arg(vf.vfId).arg(pf.name.isEmpty() ? pf.pciAddress : pf.name))
                + fields.html();
        }
    }
    return {};
}

QString DetailsHtml::pod(const Model::ClusterSnapshot &snapshot, const QString &key)
{
    const Model::PodSummary *pod = snapshot.pod(key);
    if (!pod)
        return {};
    QStringList requests;
    for (auto it = pod->requests.cbegin(); it != pod->requests.cend(); ++it)
        requests.append(esc(it.key()) + QStringLiteral(": ") + QString::number(it.value()));
    QStringList gpus;
    for (const auto &uuid : pod->gpus)
        gpus.append(esc(uuid));
    QStringList vfs;
    for (const auto &address : pod->vfs)
        vfs.append(esc(address));
    Fields fields;
    fields.add(tr("Namespace"), esc(pod->namespaceName))
        .add(tr("Node"), orDash(pod->node))
        .add(tr("Phase"), orDash(pod->phase))
        .add(tr("Requests"), requests.isEmpty() ? dash() : requests.join(QStringLiteral("<br>")))
        .add(tr("GPUs"), gpus.isEmpty() ? dash() : gpus.join(QStringLiteral("<br>")))
        .add(tr("VFs"), vfs.isEmpty() ? dash() : vfs.join(QStringLiteral("<br>")));
    if (pod->pending) {
        fields.add(tr("Waiting because"),
                   esc(pod->pending->reason) + QStringLiteral(": ") + esc(pod->pending->message));
        if (pod->pending->since.isValid()) {
            const QDateTime now
                = snapshot.collectedAt.isValid() ? snapshot.collectedAt : QDateTime::currentDateTimeUtc();
            const qint64 minutes = std::max<qint64>(0, pod->pending->since.secsTo(now) / 60);
            fields.add(tr("Waiting since"),
                       esc(pod->pending->since.toUTC().toString(Qt::ISODate)) + QStringLiteral(" (")
                           + esc(ResourceText::plural(tr("%n minute(s)", nullptr, int(minutes)), int(minutes)))
                           + QLatin1Char(')'));
        }
    }
    return heading(tr("Pod %1").arg(pod->name)) + fields.html();
}

} // namespace Specula::Views
