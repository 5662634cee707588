import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayIn, documentNumberIn, isSalutation, issuerOfTitle, meetingIn, speakerLine } from './masthead.ts';

test('a salutation opens a speech, in either width', () => {
  for (const line of ['各位代表：', '各位代表:', '  同志们：', '各位委员:'])
    assert.ok(isSalutation(line), line);
  for (const line of ['各位代表：现在，我代表', '代表们认为，报告全面客观。'])
    assert.ok(!isSalutation(line), line);
});

test('a day written with digits, Chinese numerals or ISO dashes; never an impossible one', () => {
  assert.deepEqual(dayIn('2026年1月21日在宁波市第十六届人民代表大会第六次会议上'), {
    day: '2026-01-21',
    text: '2026年1月21日',
  });
  assert.equal(
    dayIn('(2021年1月7日中国共产党宁波市奉化区第一届委员会第九次全体会议通过)')?.day,
    '2021-01-07',
  );
  assert.equal(dayIn('二〇二一年三月三十日')?.day, '2021-03-30');
  assert.equal(dayIn('二○○六年三月三十日')?.day, '2006-03-30');
  assert.equal(dayIn('发布时间:2020-11-24 来源:市自然资源规划局')?.day, '2020-11-24');
  assert.equal(dayIn('2022年2月30日'), undefined);
  assert.equal(dayIn('到二〇三五年基本实现'), undefined);
});

test('the meeting a report was given at', () => {
  assert.equal(
    meetingIn('2026年1月21日在宁波市第十六届人民代表大会第六次会议上'),
    '宁波市第十六届人民代表大会第六次会议',
  );
  assert.equal(meetingIn('现在，我代表市人民政府向大会报告工作'), undefined);
});

test('a speaker line, letter-spaced or not', () => {
  assert.deepEqual(speakerLine('宁波市市长 汤飞帆'), { role: '宁波市市长', name: '汤飞帆' });
  assert.deepEqual(speakerLine('    代 县 长  李 晓 东'), { role: '代县长', name: '李晓东' });
  assert.deepEqual(speakerLine('宁波市北仑区人民政府代区长　王程'), {
    role: '宁波市北仑区人民政府代区长',
    name: '王程',
  });
  assert.equal(speakerLine('一、过去五年工作回顾'), undefined);
  assert.equal(speakerLine('增强改革定力 强化改革攻坚'), undefined);
});

test('a document number as printed', () => {
  assert.equal(documentNumberIn('慈溪市人民政府文件 慈政发〔2021〕11号'), '慈政发〔2021〕11号');
  assert.equal(documentNumberIn('(甬政办发[2006]64号)'), '甬政办发[2006]64号');
  assert.equal(documentNumberIn('区十届人大一次会议文件（10）'), '区十届人大一次会议文件（10）');
  assert.equal(documentNumberIn('新增项目2021个'), undefined);
});

test('the issuing body of a 关于 title', () => {
  assert.equal(
    issuerOfTitle(
      '中共宁波市奉化区委关于制定宁波市奉化区国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议',
    ),
    '中共宁波市奉化区委',
  );
  assert.equal(issuerOfTitle('政府工作报告'), undefined);
});
