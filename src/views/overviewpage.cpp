// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/overviewpage.h"

#include "core/offthread.h"
#include "model/idlegputablemodel.h"
#include "model/resourcetext.h"
#include "views/exportactions.h"
#include "views/tablepage.h"

#include <QCommandLinkButton>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Specula::Views {
namespace {

using Model::ResourceText;

constexpr int FiguresPerRow = 4;

QString dash()
{
    return QStringLiteral("—");
}

QString count(const std::optional<int> &value)
{
    return value ? QString::number(*value) : dash();
}

QString power(double watts)
{
    if (watts >= 10000)
        return OverviewPage::tr("%1 kW").arg(watts / 1000, 0, 'f', 1);
    return OverviewPage::tr("%1 W").arg(qRound64(watts));
}

QString percent(double value)
{
    return OverviewPage::tr("%1 %").arg(value, 0, 'g', 3);
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
    , m_idleModel(new Model::IdleGpuTableModel(this))
    , m_idleTable(new TablePage(m_idleModel, Model::IdleGpuTableModel::SortRole,
                                tr("Filter idle GPUs by pod, namespace, node or UUID")))
    , m_export(new ExportActions(this, m_idleTable->view(), QStringLiteral("overview")))
    , m_grid(new QGridLayout)
    , m_gpus(addFigure(QStringLiteral("gpusFigure"), Target::Heatmap,
                       tr("Physical GPUs, how many pods hold, and how many are busy. Opens the heatmap.")))
    , m_mig(addFigure(QStringLiteral("migFigure"), Target::Topology,
                      tr("MIG devices offered and held. Opens the topology.")))
    , m_idle(addFigure(QStringLiteral("idleFigure"), Target::Heatmap,
                       tr("GPUs and MIG devices that pods hold but hardly use. Opens the heatmap.")))
    , m_vfs(addFigure(QStringLiteral("vfsFigure"), Target::Sriov,
                      tr("SR-IOV virtual functions created, held, and not created yet. Opens the SR-IOV page.")))
    , m_pending(addFigure(QStringLiteral("pendingFigure"), Target::Pending,
                          tr("Pending pods that want GPUs or VFs. Opens the pending pods.")))
    , m_pods(addFigure(QStringLiteral("podsFigure"), Target::Pods,
                       tr("Running pods that request or hold GPUs or VFs. Opens the pods.")))
    , m_power(addFigure(QStringLiteral("powerFigure"), Target::Heatmap,
                        tr("The GPUs' power draw, summed over their latest readings. Opens the heatmap.")))
    , m_idleHeading(new QLabel(this))
{
    m_idleHeading->setObjectName(QStringLiteral("idleHeading"));
    m_idleHeading->setWordWrap(true);
    m_idleTable->setObjectName(QStringLiteral("idleTable"));
    QTableView *view = m_idleTable->view();
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->sortByColumn(Model::IdleGpuTableModel::UtilColumn, Qt::AscendingOrder);

    auto *tools = new QToolBar(this);
    tools->setObjectName(QStringLiteral("overviewTools"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_export->csvAction());
    tools->addAction(m_export->pngAction());
    m_export->csvAction()->setToolTip(tr("Save the idle GPUs, as sorted and filtered, to a CSV file"));
    auto *idleRow = new QHBoxLayout;
    idleRow->addWidget(m_idleHeading, 1);
    idleRow->addWidget(tools);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid);
    layout->addLayout(idleRow);
    layout->addWidget(m_idleTable, 1);
    refresh();
}

OverviewPage::~OverviewPage() = default;

QCommandLinkButton *OverviewPage::addFigure(const QString &objectName, Target target, const QString &toolTip)
{
    auto *button = new QCommandLinkButton(this);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(button, &QCommandLinkButton::clicked, this, [this, target] { Q_EMIT pageRequested(target); });
    const int index = m_grid->count();
    m_grid->addWidget(button, index / FiguresPerRow, index % FiguresPerRow);
    return button;
}

void OverviewPage::setSnapshot(const Model::ClusterSnapshot &snapshot)
{
    m_snapshot = snapshot;
    refresh();
}

void OverviewPage::setNamespaceFilter(const QString &namespaceName)
{
    if (namespaceName == m_namespace)
        return;
    m_namespace = namespaceName;
    refresh();
}

void OverviewPage::setMeanUtilization(QHash<QString, double> meanUtilByUuid, const QString &rangeText)
{
    Core::freeOffThread(std::exchange(m_means, std::move(meanUtilByUuid)));
    m_rangeText = rangeText;
    refresh();
}

void OverviewPage::refresh()
{
    const quint64 generation = ++m_generation;
    Core::buildOffThread(
        this,
        [snapshot = m_snapshot, means = m_means, namespaceName = m_namespace] {
            return Model::OverviewFigures::of(snapshot, means, namespaceName);
        },
        [this, generation](Model::OverviewFigures figures) {
            if (generation == m_generation)
                showFigures(std::move(figures));
        });
}

void OverviewPage::showFigures(Model::OverviewFigures figures)
{
    m_figures = std::move(figures);
    const Model::OverviewFigures &f = m_figures;

    m_gpus->setText(tr("GPUs: %1 of %2 allocated").arg(f.gpusAllocated).arg(count(f.gpusTotal)));
    QStringList gpuNotes;
    gpuNotes.append(f.gpusBusy ? tr("%1 busy (≥ %2 utilization) of %3 with readings")
                                     .arg(*f.gpusBusy)
                                     .arg(percent(Model::OverviewFigures::BusyPercent))
                                     .arg(f.gpusWithReadings)
                               : tr("busy: — (no utilization readings)"));
    if (f.gpuNodesUncounted > 0) {
        gpuNotes.append(ResourceText::plural(tr("%n node(s) whose GPU count is unknown", nullptr, f.gpuNodesUncounted),
                                             f.gpuNodesUncounted));
    }
    m_gpus->setDescription(gpuNotes.join(QStringLiteral(" · ")));

    m_mig->setText(tr("MIG slices: %1 of %2 allocated").arg(f.migAllocated).arg(f.migTotal));
    m_mig->setDescription(f.migTotal > 0 ? tr("%1 free").arg(std::max(0, f.migTotal - f.migAllocated))
                                         : tr("no node offers MIG devices"));

    const int idle = int(f.idle.size());
    m_idle->setText(ResourceText::plural(tr("Allocated but idle: %n GPU(s)", nullptr, idle), idle));
    const QString basis = f.idleFromLatest
        ? tr("latest reading, no range data")
        : (m_rangeText.isEmpty() ? tr("mean over the chosen range") : tr("mean over %1").arg(m_rangeText));
    m_idle->setDescription(
        tr("held by a pod, utilization under %1 (%2)").arg(percent(Model::OverviewFigures::IdlePercent), basis));

    m_vfs->setText(tr("VFs: %1 of %2 allocated").arg(f.vfsAllocated).arg(f.vfsTotal));
    m_vfs->setDescription(tr("%1 not created (totalVfs − numVfs)").arg(f.vfsNotCreated));

    m_pending->setText(
        ResourceText::plural(tr("Waiting for devices: %n pod(s)", nullptr, f.pendingPods), f.pendingPods));
    m_pending->setDescription(tr("for GPUs: %1 · for VFs: %2").arg(f.pendingGpuPods).arg(f.pendingVfPods));

    m_pods->setText(
        ResourceText::plural(tr("%n pod(s) hold devices", nullptr, f.podsHoldingDevices), f.podsHoldingDevices));
    m_pods->setDescription(m_namespace.isEmpty() ? tr("all namespaces") : tr("namespace %1").arg(m_namespace));

    m_power->setText(tr("GPU power: %1").arg(f.powerW ? power(*f.powerW) : dash()));
    m_power->setDescription(f.powerW ? tr("sum of the latest readings") : tr("no power readings"));

    m_idleHeading->setText(QStringLiteral("<b>") + tr("Allocated but idle GPUs").toHtmlEscaped()
                           + QStringLiteral("</b> — ") + basis.toHtmlEscaped());
    m_idleModel->setIdle(f.idle);
    if (!m_columnsFitted && !f.idle.isEmpty()) {
        m_idleTable->fitColumns(fontMetrics().averageCharWidth() * 60);
        m_columnsFitted = true;
    }
    Q_EMIT updated();
}

} // namespace Specula::Views
