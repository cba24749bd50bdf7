import Foundation
import LantianCore
import Services

/// A dossier as the archive's index and checksum list: the index is ``EvidenceArchive``'s self-contained page,
/// its tables link each evidence file by its path in the archive.
enum DossierArchive {
    /// The files that are on disk, and those the records name but the disk no longer has.
    static func present(_ dossier: Dossier, directory: String) -> (present: [Dossier.File], missing: Set<String>) {
        var present: [Dossier.File] = []
        var missing = Set<String>()
        for file in dossier.files {
            if let key = file.storageKey, FileManager.default.fileExists(atPath: directory + "/" + key) {
                present.append(file)
            } else {
                missing.insert(file.path)
            }
        }
        return (present, missing)
    }

    static func index(_ dossier: Dossier, missing: Set<String>) -> String {
        typealias Cell = EvidenceArchive.Cell
        func fileCell(_ file: Dossier.File) -> Cell {
            missing.contains(file.path) ? Cell("\(file.fileName)（文件缺失）") : Cell(file.fileName, link: file.path)
        }
        let versions = dossier.reports.flatMap { report in
            report.versions.map { version in
                [
                    Cell(report.task), Cell(report.unitName), Cell(report.month), Cell("第 \(version.number) 版"),
                    Cell(version.at), Cell(version.author), Cell(version.status), Cell(version.narrative),
                    Cell(version.values), Cell("\(version.files.count) 个"),
                ]
            }
        }
        let files = dossier.reports.flatMap { report in
            report.versions.flatMap { version in
                version.files.map { file in
                    [
                        fileCell(file), Cell(NumberText.kilobytes(file.size)), Cell(file.sha256), Cell(report.task),
                        Cell(report.unitName), Cell(report.month), Cell("第 \(version.number) 版"),
                    ]
                }
            }
        }
        let history = dossier.reports.flatMap { report in
            report.history.map { step in
                [
                    Cell(report.task), Cell(report.unitName), Cell(report.month), Cell(step.at), Cell(step.action),
                    Cell(step.state), Cell(step.author), Cell(step.comment),
                ]
            }
        }
        let months = dossier.taskStatus.first?.months.map(\.month) ?? []
        let archive = EvidenceArchive(
            title: dossier.title, generated: dossier.generated,
            sections: [
                .init(
                    title: "月度报告（报送大气办的每一版）", text: dossier.reports.isEmpty ? "无。" : "草稿和单位内部审核中的版本不在其中。",
                    header: ["任务", "单位", "月份", "版本", "报送时间", "报送人", "完成情况", "进展情况", "指标", "证据"],
                    rows: versions),
                .init(
                    title: "证据文件", text: files.isEmpty ? "无。" : "SHA-256 为上传时计算，可用 SHA256SUMS.txt 逐一核对。",
                    header: ["文件", "大小", "SHA-256", "任务", "单位", "月份", "版本"], rows: files),
                .init(
                    title: "报告经过（报送、退回、确认）", text: history.isEmpty ? "无。" : "",
                    header: ["任务", "单位", "月份", "时间", "操作", "状态", "操作人", "意见"], rows: history),
                .init(
                    title: "任务状态（各月末）", text: "",
                    header: ["任务"] + months,
                    rows: dossier.taskStatus.map { task in
                        [Cell("\(task.code) \(task.title)")] + task.months.map { Cell($0.status) }
                    }),
                .init(
                    title: "调度通报", text: dossier.mentions.isEmpty ? "已定稿的通报中未提及。" : "",
                    header: ["月份", "文号", "标题", "提及的部分"],
                    rows: dossier.mentions.map {
                        [Cell($0.month), Cell($0.number), Cell($0.title), Cell($0.sections.joined(separator: "、"))]
                    }),
                .init(
                    title: "重污染天气应急现场检查", text: dossier.inspections.isEmpty ? "无。" : "",
                    header: ["预警", "企业", "县区", "时间", "方式", "结论", "说明", "文件"],
                    rows: dossier.inspections.map { inspection in
                        [
                            Cell(inspection.warning), Cell(inspection.enterprise), Cell(inspection.county),
                            Cell(inspection.hour), Cell(inspection.method), Cell(inspection.result),
                            Cell(inspection.note),
                            inspection.files.first.map(fileCell) ?? Cell(""),
                        ]
                    }),
                .init(
                    title: "案件", text: dossier.cases.isEmpty ? "无。" : "",
                    header: ["案件", "类型", "办理单位", "县区", "阶段", "立案", "结案", "经过"],
                    rows: dossier.cases.map {
                        [
                            Cell($0.title), Cell($0.kind), Cell($0.unit), Cell($0.county), Cell($0.stage),
                            Cell($0.opened),
                            Cell($0.closed), Cell($0.steps),
                        ]
                    }),
            ], tables: [], documents: [])
        return archive.index()
    }

    /// `sha256  path` per file, as `sha256sum -c` reads it.
    static func checksums(_ files: [Dossier.File]) -> String {
        files.map { "\($0.sha256)  \($0.path)\n" }.joined()
    }
}
